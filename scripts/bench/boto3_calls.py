"""N sequential ListUserPools calls with boto3 against an endpoint; prints `calls seconds cpu_seconds`."""
import sys
import time

import boto3
from botocore.config import Config


def main() -> None:
    endpoint, calls = sys.argv[1], int(sys.argv[2])
    client = boto3.client(
        "cognito-idp", region_name="us-east-1", endpoint_url=endpoint,
        aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="bench-secret",
        config=Config(retries={"mode": "standard", "max_attempts": 3}),
    )
    client.list_user_pools(MaxResults=10)  # warm-up: opens the connection, loads the model
    cpu0, t0 = time.process_time(), time.perf_counter()
    for _ in range(calls):
        client.list_user_pools(MaxResults=10)
    print(calls, time.perf_counter() - t0, time.process_time() - cpu0)


if __name__ == "__main__":
    main()
