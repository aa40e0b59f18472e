"""Disables users one after another with boto3's admin_disable_user, as a script would; prints
`users seconds` (the loop alone, after the client is made).

    python3 scripts/bench/boto3_disable_users.py URL POOL NAMES_FILE
"""
import sys
import time

import boto3


def main() -> None:
    url, pool, names_path = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(names_path) as f:
        names = [line.strip() for line in f if line.strip()]
    client = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=url,
                          aws_access_key_id="AKIABENCH", aws_secret_access_key="bench")
    started = time.perf_counter()
    for name in names:
        client.admin_disable_user(UserPoolId=pool, Username=name)
    print(len(names), time.perf_counter() - started)


if __name__ == "__main__":
    main()
