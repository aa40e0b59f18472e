print("cognito-console-bench")
