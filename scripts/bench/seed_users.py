"""Creates one user pool with N users on the emulator for the load-all benchmark; prints its id."""
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3


def seed(url: str, count: int, name: str = "") -> str:
    """Creates the pool and its users; returns the pool's id."""
    client = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=url,
                          aws_access_key_id="AKIABENCH", aws_secret_access_key="bench")
    pool = client.create_user_pool(PoolName=name or f"bench-{count}")["UserPool"]["Id"]

    def create(i: int) -> None:
        client.admin_create_user(
            UserPoolId=pool, Username=f"user{i:06d}", MessageAction="SUPPRESS",
            UserAttributes=[{"Name": "email", "Value": f"user{i:06d}@example.com"},
                            {"Name": "name", "Value": f"Bench User {i}"}])

    with ThreadPoolExecutor(max_workers=8) as pool_threads:
        list(pool_threads.map(create, range(count)))
    return pool


def main() -> None:
    print(seed(sys.argv[1], int(sys.argv[2])))


if __name__ == "__main__":
    main()
