// The ncurses front end arrives with the dashboard issue.
