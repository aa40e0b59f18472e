print("cognito-tui")
