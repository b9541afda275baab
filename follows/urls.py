"""The public URLs of Volg de buurt: the follow form and the links in the mails, and the newsletter archive."""

from django.urls import path

from follows import archive, views

urlpatterns = [
    path("volgen/", views.follow, name="follow"),
    path("volgen/verstuurd/", views.follow_sent, name="follow_sent"),
    path("volgen/bevestigen/<str:token>/", views.confirm, name="follow_confirm"),
    path("volgen/instellingen/<str:token>/", views.preferences, name="follow_preferences"),
    path("volgen/instellingen/<str:token>/gegevens.json", views.data_download, name="follow_data"),
    path("volgen/instellingen/<str:token>/verwijderen/", views.delete, name="follow_delete"),
    path("volgen/afmelden/<str:token>/", views.unsubscribe, name="follow_unsubscribe"),
    path("nieuwsbrief/", archive.archive, name="newsletter_archive"),
    path("nieuwsbrief/rss/", archive.EditionFeed(), name="newsletter_rss"),
    path("nieuwsbrief/<int:number>/", archive.edition, name="newsletter_edition"),
]
