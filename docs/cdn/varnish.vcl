# Varnish in front of Dateline: an example configuration, the one the test suite runs
# (e2e/cdn-varnish.spec.ts). Needs Varnish 7 and the xkey vmod (Debian: varnish varnish-modules).
#
# Dateline names every public response by surrogate keys (Surrogate-Key: story-12 front …) and,
# when a story, a list or a photo changes, sends `PURGE /` with the keys it changed in a
# Surrogate-Key header to each address in CDN_PURGE_URLS. Point CDN_PURGE_URLS at this Varnish
# (e.g. CDN_PURGE_URLS=http://127.0.0.1:6081/) and let purges in only from Dateline's hosts.
vcl 4.1;

import xkey;

# Where Dateline listens (`npm start`, PORT).
backend dateline {
  .host = "127.0.0.1";
  .port = "3000";
}

# Who may purge: the hosts Dateline runs on.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.Surrogate-Key) {
      return (synth(400, "Name the keys to purge in a Surrogate-Key header"));
    }
    set req.http.n-gone = xkey.purge(req.http.Surrogate-Key);
    return (synth(200, "Purged " + req.http.n-gone + " objects"));
  }
  # Co-editing's WebSocket (docs/decisions/023): piped to Dateline, its Upgrade header and all. Its
  # ticket, not a cookie, says who is connecting.
  if (req.http.Upgrade ~ "(?i)websocket") {
    return (pipe);
  }
  # A signed-in person, a write, or the router's request for a page's React payload: straight to Dateline.
  if (req.http.Authorization || req.http.Cookie ~ "authjs\.session-token" || (req.method != "GET" && req.method != "HEAD")) {
    return (pass);
  }
  if (req.http.RSC || req.http.Next-Router-Prefetch || req.http.Next-Router-State-Tree || req.http.Next-Action) {
    return (pass);
  }
  # The desk, sign-in and the desk's API are never cached; their cookies must reach Dateline.
  if (req.url ~ "^/(desk|admin|account|login|invite|api/(?!v1/))" || req.url ~ "^/_next/data/") {
    return (pass);
  }
  # A live story's event stream: each reader's own, held open, resumed from its query string or
  # Last-Event-ID. Passed (no waiting list, nothing kept), and Varnish streams it as it comes.
  if (req.url ~ "^/live/[0-9]+/events") {
    unset req.http.Cookie;
    return (pass);
  }
  # The public site reads no cookie and no query string: one copy per address serves every reader.
  unset req.http.Cookie;
  set req.url = regsub(req.url, "\?.*$", "");
  return (hash);
}

sub vcl_pipe {
  # Varnish drops hop-by-hop headers on a pipe unless told; a WebSocket handshake needs both.
  if (req.http.Upgrade) {
    set bereq.http.Upgrade = req.http.Upgrade;
    set bereq.http.Connection = req.http.Connection;
  }
}

sub vcl_backend_response {
  # xkey indexes objects by the keys in this header; Dateline sends them as Surrogate-Key.
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
  }
  # Only what Dateline marks public and names by keys is kept; anything else is fetched each time.
  if (!beresp.http.Surrogate-Key || beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store)") {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
  }
}

sub vcl_deliver {
  unset resp.http.xkey;
  if (obj.hits > 0) {
    set resp.http.X-Varnish-Cache = "HIT";
  } else {
    set resp.http.X-Varnish-Cache = "MISS";
  }
}
