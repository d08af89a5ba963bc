# The original locustfile's task on Locust's faster client (FastHttpUser), for a fair comparison
# at 1000 users (scripts/compare-load.sh). The original, unchanged, is examples/locustfile.py.
import random

from locust import FastHttpUser, task


class MyUser(FastHttpUser):
    @task
    def hit_once_and_stop(self):
        user_id = random.randint(1, 1000000)
        url = f"/api/run-query/?count=1&type=get&user_id={user_id}"
        with self.client.get(url, catch_response=True, name="/api/run-query/") as response:
            if response.status_code == 200 and "error" not in response.text:
                response.success()
            else:
                response.failure(f"Failed for user_id={user_id}")
