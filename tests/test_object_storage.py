"""Scaling out without editing code: AWS_STORAGE_BUCKET_NAME puts the media in an S3-compatible bucket (renditions
included) and OPENSEARCH_URL puts search on OpenSearch (buurtwijs/settings/base.py, read by production).

The bucket is real: moto's S3 server on 127.0.0.1, started by the fixture. An image uploaded through the admin lands
in it, its renditions too, and the page serves them from there.
"""

import io
import json
import socket
import urllib.error
import urllib.request

import boto3
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from buurtwijs.settings.base import object_storage
from home.models import BuurtwijsImage
from tests import factories
from tests.helpers import background_work_done, soup
from tests.test_deploy_settings import run

BUCKET = "buurtwijs-media"
# The bucket policy of docs/deployment.md: anyone may read the renditions (images/), nothing else.
PUBLIC_RENDITIONS = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/images/*",
        }
    ],
}
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "buurtwijs", "AWS_SECRET_ACCESS_KEY": "geheim-voor-de-test"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    """An S3 server on 127.0.0.1 (moto in server mode) with an empty bucket; its environment variables."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    # moto keeps its buckets per process, not per server: empty them, as a module before may have made this one.
    urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/moto-api/reset", method="POST"))  # noqa: S310
    env = {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_S3_REGION_NAME": "eu-west-1",
        **CREDENTIALS,
    }
    media = bucket(env)
    media.create(CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    media.Policy().put(Policy=json.dumps(PUBLIC_RENDITIONS))  # as docs/deployment.md tells the operator
    yield env
    server.stop()


def bucket(env):
    s3 = boto3.resource(
        "s3",
        endpoint_url=env["AWS_S3_ENDPOINT_URL"],
        region_name=env["AWS_S3_REGION_NAME"],
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )
    return s3.Bucket(env["AWS_STORAGE_BUCKET_NAME"])


@pytest.fixture
def media_in_bucket(s3_server, settings, monkeypatch):
    """The site with the storages the environment variables give, as production builds them."""
    settings.STORAGES = {**settings.STORAGES, **object_storage(s3_server)}
    settings.WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    # Wagtail picks the renditions' storage once, when the model is loaded: give it the bucket's.
    rendition_file = get_image_model().get_rendition_model()._meta.get_field("file")
    monkeypatch.setattr(rendition_file, "storage", storages["renditions"])
    yield bucket(s3_server)
    bucket(s3_server).objects.all().delete()


def jpeg(size=(1600, 900)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "seagreen").save(buffer, "JPEG")
    return buffer.getvalue()


def keys(bucket):
    return {item.key for item in bucket.objects.all()}


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_lands_in_the_bucket_and_pages_serve_its_renditions_from_there(
    media_in_bucket, s3_server, admin_client, client, site_tree, region
):
    with background_work_done():  # the worker makes the renditions the upload queues
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Soep in de buurtkamer",
                "file": SimpleUploadedFile("soep.jpg", jpeg(), content_type="image/jpeg"),
                "collection": factories.root_collection().pk,
                "people_consent": BuurtwijsImage.PeopleConsent.NO_PEOPLE,
            },
        )
    assert response.status_code == 302
    image = BuurtwijsImage.objects.get(title="Soep in de buurtkamer")

    # The original in the bucket (private: its URL is signed), the renditions next to it.
    stored = keys(media_in_bucket)
    assert f"original_images/{image.file.name.split('/')[-1]}" in stored
    renditions = {rendition.file.name for rendition in image.renditions.all()}
    assert renditions and renditions <= stored
    assert "Signature=" in image.file.url or "X-Amz-Signature=" in image.file.url

    factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", listing_image=image)
    with background_work_done():
        overview = client.get(site_tree.stories.url)  # the story's card, with its image
    img = soup(overview).select_one(".story-card picture img")
    assert img is not None, "the story's card shows no image"
    src = img["src"]
    assert src.startswith(f"{s3_server['AWS_S3_ENDPOINT_URL']}/{BUCKET}/images/"), src
    assert "Signature" not in src  # renditions have plain URLs: cacheable, shareable
    with urllib.request.urlopen(src, timeout=10) as served:  # noqa: S310 -- the test's own server on 127.0.0.1
        assert Image.open(io.BytesIO(served.read())).size[0] <= 1600
    # The original is not public: only its signed URL reads it.
    original = f"{s3_server['AWS_S3_ENDPOINT_URL']}/{BUCKET}/{image.file.name}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(original, timeout=10)  # noqa: S310
    assert refused.value.code == 403
    with urllib.request.urlopen(image.file.url, timeout=10) as signed:  # noqa: S310
        assert signed.read() == image.file.open("rb").read()


def settings_report(**env):
    """What the production settings make of the environment, from a fresh process."""
    code = (
        "import json, django; django.setup()\n"
        "from django.core.files.storage import storages, default_storage\n"
        "from wagtail.images import get_image_model\n"
        "from modelsearch.backends import get_search_backend\n"
        "rendition = get_image_model().get_rendition_model()._meta.get_field('file').storage\n"
        "backend = get_search_backend()\n"
        "print(json.dumps({'media': type(default_storage._wrapped if default_storage._setup() is None else 0)"
        ".__name__, 'bucket': getattr(default_storage, 'bucket_name', None), "
        "'signed': getattr(default_storage, 'querystring_auth', None), "
        "'renditions': type(rendition).__name__, 'renditions_signed': getattr(rendition, 'querystring_auth', None), "
        "'search': type(backend).__module__, 'hosts': [str(h) for h in getattr(backend, 'hosts', [])]}))"
    )
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_switch_media_and_search_by_environment_variables():
    plain = settings_report()
    assert plain == {
        "media": "FileSystemStorage",
        "bucket": None,
        "signed": None,
        "renditions": "DefaultStorage",  # Wagtail's default: the default storage
        "renditions_signed": None,
        "search": "search.postgres_backend",
        "hosts": [],
    }

    switched = settings_report(
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL="https://s3.example.nl",
        OPENSEARCH_URL="https://zoeken:geheim@search.internal:9200",
        **CREDENTIALS,
    )
    assert switched["media"] == "S3Storage" and switched["bucket"] == BUCKET and switched["signed"] is True
    assert switched["renditions"] == "S3Storage" and switched["renditions_signed"] is False
    assert switched["search"] == "modelsearch.backends.opensearch3"
    assert switched["hosts"], "the OpenSearch backend has no host"
