"""What the MLflow bridge tests ask of MLflow through its own Python client.

    registry.py seed      < spec.json   registers models ("existing": true adds to one) and versions
                                        with runs; prints what it made
    registry.py alias MODEL ALIAS       prints the version the alias points at, or "none"
    registry.py versions MODEL          prints each version's stage, tags and aliases as JSON

The tracking URI comes from MLFLOW_TRACKING_URI.
"""
import json
import sys

import mlflow
import numpy
from mlflow import MlflowClient
from mlflow.exceptions import MlflowException


def seed(client, spec):
    made = []
    experiment = mlflow.set_experiment("mlboard-bridge-tests")
    for model in spec["models"]:
        if not model.get("existing"):
            client.create_registered_model(model["name"], tags=model.get("tags", {}), description=model.get("description"))
        for version in model.get("versions", []):
            with mlflow.start_run(experiment_id=experiment.experiment_id) as run:
                for key, values in version.get("metrics", {}).items():
                    for step, value in enumerate(values if isinstance(values, list) else [values]):
                        mlflow.log_metric(key, value, step=step)
                if "commit" in version:
                    mlflow.set_tag("mlflow.source.git.commit", version["commit"])
                if "dataset" in version:
                    dataset = mlflow.data.from_numpy(numpy.array([[1.0, 2.0], [3.0, 4.0]]), name=version["dataset"])
                    mlflow.log_input(dataset, context="training")
                    digest = dataset.digest
                else:
                    digest = None
            created = client.create_model_version(
                model["name"], source=f"{run.info.artifact_uri}/model", run_id=run.info.run_id,
                tags=version.get("tags", {}))
            made.append({"model": model["name"], "version": created.version, "run_id": run.info.run_id,
                         "source": created.source, "dataset_digest": digest})
    print(json.dumps(made))


def alias(client, model, name):
    try:
        print(client.get_model_version_by_alias(model, name).version)
    except MlflowException:
        print("none")


def versions(client, model):
    found = client.search_model_versions(f"name='{model}'")
    print(json.dumps(sorted(
        ({"version": v.version, "stage": v.current_stage, "tags": v.tags, "aliases": list(v.aliases)} for v in found),
        key=lambda entry: int(entry["version"]))))


def main():
    client = MlflowClient()
    command = sys.argv[1]
    if command == "seed":
        seed(client, json.load(sys.stdin))
    elif command == "alias":
        alias(client, sys.argv[2], sys.argv[3])
    elif command == "versions":
        versions(client, sys.argv[2])
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
