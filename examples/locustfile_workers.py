# The locustfile of a Locust master whose workers are crmbench (crmbench load --locust-master).
# The master only needs a User class of the name it dispatches; crmbench workers run their own
# scenario (--scenario, --scenario-file) for every user they are given. Python workers run this
# class itself: the original locustfile's task on FastHttpUser, reported under the same name as
# crmbench's run-query scenario, so both kinds of workers add up in the master's statistics.
#
#   locust -f examples/locustfile_workers.py --master --host http://127.0.0.1:8000
#   crmbench load --locust-master 127.0.0.1 --scenario run-query     # as many as you like
import random

from locust import FastHttpUser, task


class CrmbenchUser(FastHttpUser):
    @task
    def run_query(self):
        user_id = random.randint(1, 1000000)
        url = f"/api/run-query/?count=1&type=get&user_id={user_id}"
        with self.client.get(url, catch_response=True, name="/api/run-query/") as response:
            if response.status_code == 200 and "error" not in response.text:
                response.success()
            else:
                response.failure(f"Failed for user_id={user_id}")
