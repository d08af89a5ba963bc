# The trivial endpoint for measuring load generators themselves (scripts/compare-load.sh).
from locust import FastHttpUser, task


class HealthUser(FastHttpUser):
    @task
    def health(self):
        self.client.get("/health")
