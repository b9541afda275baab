from django.urls import path

from reach.collect import beacon

urlpatterns = [path("bereik/", beacon, name="reach_beacon")]
