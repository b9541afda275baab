"""Uploads: only allowlisted, real files of limited size; no SVG; a document is always a download, never a page."""

import importlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from PIL import Image
from wagtail.documents import get_document_model

import buurtwijs.urls
from home.models import BuurtwijsImage
from tests import factories
from tests.helpers import soup

pytestmark = pytest.mark.django_db

SCRIPT_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
SCRIPT_HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture
def editor(client, home):
    client.force_login(factories.UserFactory(is_superuser=True))
    return client


def png(size=(32, 32)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "green").save(buffer, "JPEG")
    return buffer.getvalue()


def upload_image(client, name, content, content_type):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Buurtfeest",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": factories.root_collection().pk,
            "people_consent": BuurtwijsImage.PeopleConsent.NO_PEOPLE,
        },
    )


def upload_document(client, name, content, content_type="text/plain"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Werkblad",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": factories.root_collection().pk,
        },
    )


def field_errors(response):
    """The error messages the admin form shows next to its fields."""
    assert response.status_code == 200, f"the upload was accepted ({response.status_code})"
    return [" ".join(error.get_text(" ").split()) for error in soup(response).select(".error-message")]


def test_a_real_image_is_accepted(editor):
    response = upload_image(editor, "buurtfeest.png", png(), "image/png")
    assert response.status_code == 302
    assert BuurtwijsImage.objects.get().title == "Buurtfeest"


def test_an_svg_is_refused_in_dutch(editor):
    errors = field_errors(upload_image(editor, "logo.svg", SCRIPT_SVG, "image/svg+xml"))
    assert errors == ["Geen ondersteund afbeeldingsformaat. Ondersteunde formaten: AVIF, GIF, JPG, JPEG, PNG, WEBP."]
    assert not BuurtwijsImage.objects.exists()

    assert upload_image(editor, "logo.png", png(), "image/png").status_code == 302  # the logo as a PNG is taken
    assert BuurtwijsImage.objects.get().title == "Buurtfeest"


def test_html_renamed_to_jpg_is_refused_in_dutch(editor):
    errors = field_errors(upload_image(editor, "foto.jpg", SCRIPT_HTML, "image/jpeg"))
    assert errors == [
        "Upload een geldige afbeelding, de geüploade afbeelding is geen afbeelding of is beschadigd geraakt,"
    ]
    assert not BuurtwijsImage.objects.exists()

    assert upload_image(editor, "foto.jpg", jpeg(), "image/jpeg").status_code == 302  # a real JPEG is taken
    assert BuurtwijsImage.objects.get().title == "Buurtfeest"


def test_a_png_renamed_to_jpg_is_refused_in_dutch(editor):
    errors = field_errors(upload_image(editor, "foto.jpg", png(), "image/jpeg"))
    assert errors == ["Geen geldige .jpeg afbeelding. Deze extensie hoort niet bij het bestandsformaat (png)"]
    assert not BuurtwijsImage.objects.exists()

    assert upload_image(editor, "foto.png", png(), "image/png").status_code == 302  # under its own name it is taken
    assert BuurtwijsImage.objects.get().title == "Buurtfeest"


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
def test_a_too_large_image_is_refused_in_dutch(editor):
    errors = field_errors(upload_image(editor, "groot.png", png((400, 400)), "image/png"))
    assert len(errors) == 1
    assert errors[0].startswith("Dit bestand is te groot (")
    assert errors[0].endswith(" KB). De maximale bestandsgrootte is 1,0 KB.")
    assert not BuurtwijsImage.objects.exists()

    assert upload_image(editor, "klein.png", png(), "image/png").status_code == 302  # a small one is taken
    assert BuurtwijsImage.objects.get().title == "Buurtfeest"


@pytest.mark.parametrize("name", ["pagina.html", "pagina.htm", "logo.svg", "script.js", "archief.zip"])
def test_documents_outside_the_allowlist_are_refused_in_dutch(editor, name):
    errors = field_errors(upload_document(editor, name, SCRIPT_HTML, "text/html"))
    extension = name.rsplit(".", 1)[1]
    assert errors == [
        f"Bestandsextensie ‘{extension}’ is niet toegestaan. Toegestane extensies zijn: ‘csv, docx, odt, pdf, "
        "pptx, rtf, txt, xlsx’."
    ]
    documents = get_document_model().objects
    assert not documents.exists()

    # The same content as a .txt is taken (and served as a download, below).
    assert upload_document(editor, "pagina.txt", SCRIPT_HTML).status_code == 302
    assert documents.get().title == "Werkblad"


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_a_too_large_document_is_refused_in_dutch(editor):
    errors = field_errors(upload_document(editor, "notulen.txt", b"x" * 2048))
    # Wagtail also complains about the extension of the file it dropped; the size comes first.
    assert errors[0].startswith("Dit bestand is te groot (2,0 KB). De maximale bestandsgrootte is 100 bytes.")

    assert upload_document(editor, "notulen.txt", b"x" * 100).status_code == 302  # at the limit it is taken
    assert get_document_model().objects.get().title == "Werkblad"


@pytest.mark.parametrize("name", ["script.txt", "tabel.csv", "verslag.pdf"])
def test_a_document_with_script_is_served_as_a_download_that_cannot_run(client, editor, name):
    assert upload_document(editor, name, SCRIPT_HTML).status_code == 302
    document = get_document_model().objects.get()
    client.logout()

    response = client.get(document.url)
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    response.close()
    assert content == SCRIPT_HTML
    assert response["Content-Disposition"] == f'attachment; filename="{document.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert not response["Content-Type"].startswith("text/html")
    assert document.url == reverse("wagtaildocs_serve", args=[document.pk, document.filename])


@pytest.fixture
def development_server():
    """The URLs as with DEBUG on, when Django serves the uploaded media itself."""
    with override_settings(DEBUG=True):
        importlib.reload(buurtwijs.urls)
        clear_url_caches()
        yield
    importlib.reload(buurtwijs.urls)
    clear_url_caches()


def test_original_images_are_not_served_only_renditions(client, home, development_server):
    image = factories.ImageFactory()
    rendition = image.get_rendition("width-40")
    assert image.file.url.startswith("/media/original_images/")

    assert client.get(image.file.url).status_code == 404
    response = client.get(rendition.url)
    assert response.status_code == 200
    response.close()
