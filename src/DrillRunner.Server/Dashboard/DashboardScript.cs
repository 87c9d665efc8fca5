using Microsoft.AspNetCore.Http;

namespace DrillRunner.Dashboard;

/// <summary>
/// The dashboard's only script: buttons post to the API with the <see cref="ForgeryGuard.Header"/> header, and the
/// live run page polls <c>/api/runs/{id}</c> every second. Text goes in with <c>textContent</c>, never as HTML.
/// </summary>
internal static class DashboardScript
{
    public const string Path = "/dashboard/app.js";

    private const string Source = """
        "use strict";
        const H = { "X-DrillRunner-Request": "dashboard" };
        async function post(url, body, method) {
          const init = { method: method || "POST", credentials: "same-origin", headers: { ...H } };
          if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
          const r = await fetch(url, init);
          let data = null; try { data = await r.json(); } catch { }
          return { ok: r.ok, status: r.status, data };
        }
        function say(text) { const m = document.getElementById("message"); if (m) { m.textContent = text; } else { alert(text); } }
        function problem(r) { return (r.data && (r.data.detail || r.data.title)) || ("HTTP " + r.status); }
        function pct(x) { return x == null ? "–" : (x * 100).toFixed(1) + " %"; }
        function set(id, text) { const e = document.getElementById(id); if (e) e.textContent = text; }
        async function poll(id) {
          let r; try { r = await fetch("/api/runs/" + encodeURIComponent(id), { credentials: "same-origin" }); } catch { return true; }
          if (!r.ok) { say("Polling failed: HTTP " + r.status); return true; }
          const v = await r.json();
          const status = v.run.status;
          set("status", status);
          if (status !== "queued" && status !== "running") { location.reload(); return false; }
          const live = v.live;
          if (live) {
            set("phase", live.phase || "waiting");
            set("elapsed", live.elapsedSeconds == null ? "–" : live.elapsedSeconds.toFixed(1) + " s");
            set("probe-rate", pct(live.probeSuccessRate));
            set("faults", live.activeFaults.length ? live.activeFaults.join(", ") : "none");
            const list = document.getElementById("events");
            if (list) {
              list.replaceChildren(...live.recentEvents.slice(-15).reverse().map(e => {
                const li = document.createElement("li");
                li.textContent = new Date(e.at).toISOString().substring(11, 19) + " " + e.kind + ": " + e.message;
                return li;
              }));
            }
            const ack = document.getElementById("ack");
            if (ack) { ack.hidden = !live.pendingAck; set("ack-prompt", live.pendingAck ? live.pendingAck.prompt : ""); }
          }
          return true;
        }
        document.addEventListener("DOMContentLoaded", () => {
          const form = document.getElementById("signin-form");
          if (form) form.addEventListener("submit", async ev => {
            ev.preventDefault();
            const r = await fetch("/signin", { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" });
            if (r.ok) { location.href = r.redirected ? r.url : "/"; }
            else if (r.status === 429) { say("Too many wrong keys from this address: try again in " + (r.headers.get("Retry-After") || "a few") + " s."); }
            else { say(r.status === 401 ? "Unknown API key." : "Sign-in failed: HTTP " + r.status); }
          });
          const halt = document.getElementById("halt-all");
          if (halt) halt.addEventListener("click", async () => {
            const reason = prompt("HALT ALL: every running drill on every runner stops and restores, and no drill starts until released. Why?");
            if (reason === null) return;
            const r = await post("/api/halt", { reason });
            if (r.ok) { location.reload(); } else { say(problem(r)); }
          });
          const release = document.getElementById("release-halt");
          if (release) release.addEventListener("click", async () => {
            if (!confirm("Release the halt: drills may start again?")) return;
            const r = await post("/api/halt", undefined, "DELETE");
            if (r.ok) { location.reload(); } else { say(problem(r)); }
          });
          const out = document.getElementById("signout");
          if (out) out.addEventListener("click", async () => { await post("/signout"); location.href = "/"; });
          for (const b of document.querySelectorAll("button[data-run]")) {
            b.addEventListener("click", async () => {
              b.disabled = true;
              const r = await post("/api/drills/" + encodeURIComponent(b.dataset.run) + "/runs", { reason: "dashboard" });
              if (r.status === 202) { location.href = "/runs/" + encodeURIComponent(r.data.id); } else { b.disabled = false; say(problem(r)); }
            });
          }
          for (const b of document.querySelectorAll("button[data-action]")) {
            b.addEventListener("click", async () => {
              const r = await post("/api/runs/" + encodeURIComponent(b.dataset.id) + "/" + b.dataset.action);
              say(r.ok ? b.dataset.action + " sent" : problem(r));
            });
          }
          const page = document.querySelector("[data-live-run]");
          if (page) {
            const id = page.dataset.liveRun;
            const tick = async () => { if (await poll(id)) setTimeout(tick, 1000); };
            setTimeout(tick, 1000);
          }
        });
        """;

    public static IResult Serve(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Text(Source, "text/javascript; charset=utf-8");
    }
}
