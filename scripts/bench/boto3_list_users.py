"""Loads every user of a pool with boto3's ListUsers paginator; prints `users seconds cpu_seconds`."""
import sys
import time

import boto3


def main() -> None:
    url, pool = sys.argv[1], sys.argv[2]
    client = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=url,
                          aws_access_key_id="AKIABENCH", aws_secret_access_key="bench")
    t0, c0 = time.perf_counter(), time.process_time()
    users = 0
    for page in client.get_paginator("list_users").paginate(UserPoolId=pool, PaginationConfig={"PageSize": 60}):
        users += len(page["Users"])
    print(users, time.perf_counter() - t0, time.process_time() - c0)


if __name__ == "__main__":
    main()
