print("mlboard")
