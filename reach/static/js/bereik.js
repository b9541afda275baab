/* Bereik (reach/collect.py): counts a read without cookies and without storing anything on the device.
   Sends "view" once the page is visible, and "end" when the end of a story has been on screen for a few seconds.
   The referrer is reduced to its host (for a page of Buurtwijs: its path, to see a story lead to knowledge); a
   "bron" parameter in the address (newsletter links) is sent once and removed from the address bar. */
(function () {
    "use strict";
    var READ_MS = 3000;
    var script = document.currentScript;
    if (!script || !navigator.sendBeacon || !window.URLSearchParams) return;
    var pageId = script.getAttribute("data-page");
    var endpoint = script.getAttribute("data-endpoint");
    // The server skips these too; asking here saves the request.
    if (!pageId || !endpoint || navigator.globalPrivacyControl || navigator.doNotTrack === "1") return;

    var address = new URL(window.location.href);
    var campaign = address.searchParams.get("bron") || "";
    if (address.searchParams.has("bron")) {
        address.searchParams.delete("bron");
        window.history.replaceState(window.history.state, "", address.pathname + address.search + address.hash);
    }
    var referrer = "";
    if (document.referrer) {
        try {
            var from = new URL(document.referrer);
            referrer = from.origin === window.location.origin ? from.pathname : from.hostname;
        } catch (error) {
            referrer = "";
        }
    }

    function send(event) {
        navigator.sendBeacon(endpoint, new URLSearchParams({p: pageId, e: event, r: referrer, b: campaign}));
    }

    function watchEnd() {
        var end = document.querySelector("[data-bereik-einde]");
        if (!end || !("IntersectionObserver" in window)) return;
        var timer = null;
        var observer = new IntersectionObserver(function (entries) {
            entries.forEach(function (entry) {
                if (entry.isIntersecting && timer === null) {
                    timer = window.setTimeout(function () {
                        observer.disconnect();
                        send("end");
                    }, READ_MS);
                } else if (!entry.isIntersecting && timer !== null) {
                    window.clearTimeout(timer);
                    timer = null;
                }
            });
        });
        observer.observe(end);
    }

    var viewed = false;
    function view() {
        if (viewed || document.visibilityState !== "visible") return;
        viewed = true;
        send("view");
        watchEnd();
    }
    view();
    document.addEventListener("visibilitychange", view);
})();
