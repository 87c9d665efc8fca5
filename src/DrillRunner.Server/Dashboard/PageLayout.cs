using System.Net;
using System.Security.Claims;
using System.Text;
using DrillRunner.Safety;
using DrillRunner.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DrillRunner.Dashboard;

/// <summary>The dashboard's page frame: one stylesheet inline, one script file, nothing from another origin.</summary>
internal static class PageLayout
{
    /// <summary>Pages load only this origin's script and frames; the API answers fetches from the same origin.</summary>
    public const string PagePolicy = "default-src 'none'; script-src 'self'; connect-src 'self'; frame-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Run reports are static documents: no script, no fetch, only their inline styles.</summary>
    public const string ReportPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
        nav{background:#1b2a3a;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
        nav a,nav span{color:#e8eef5;text-decoration:none}nav .who{margin-left:auto;font-size:.9rem}
        main{padding:1rem 1.2rem;max-width:1200px}
        table{border-collapse:collapse;width:100%;background:#fff}th,td{padding:.4rem .6rem;border-bottom:1px solid #dde1e6;text-align:left}
        button{padding:.35rem .8rem;border-radius:4px;border:1px solid #345;background:#2d5c8a;color:#fff;cursor:pointer}
        button.danger{background:#a33}.muted{color:#667}.error{color:#a33}
        nav button.halt{background:#c00;border-color:#fff;font-weight:700}
        .halted{background:#a00;color:#fff;padding:.6rem 1.2rem;font-weight:600}.halted button{margin-left:1rem;background:#fff;color:#a00}
        .facts{display:grid;grid-template-columns:repeat(4,1fr);gap:.8rem;margin:1rem 0}
        .facts div{background:#fff;padding:.6rem;border:1px solid #dde1e6;border-radius:4px}.facts b{display:block;font-size:1.3rem}
        .PASS{color:#1a7f37;font-weight:600}.FAIL{color:#a33;font-weight:600}
        iframe{width:100%;height:1400px;border:1px solid #dde1e6;background:#fff}
        """;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static bool IsOperator(ClaimsPrincipal user) => Roles.AtLeast(Roles.Operator).Any(user.IsInRole);

    public static bool IsAdmin(ClaimsPrincipal user) => Roles.AtLeast(Roles.Admin).Any(user.IsInRole);

    public static IResult Page(HttpContext context, string title, string body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append(" · DrillRunner</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width\"><style>").Append(Style).Append("</style>")
            .Append("<script src=\"").Append(DashboardScript.Path).Append("\" defer></script></head><body>");
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var role = Roles.All.LastOrDefault(context.User.IsInRole) ?? "?";
            html.Append("<nav><a href=\"/\"><b>DrillRunner</b></a><a href=\"/\">Drills</a><a href=\"/runs\">Runs</a><a href=\"/reports/leadership\">Leadership</a>")
                .Append("<span class=\"who\">").Append(Encode(context.User.Identity.Name)).Append(" (").Append(Encode(role)).Append(")</span>")
                .Append(IsAdmin(context.User) ? "<button id=\"halt-all\" class=\"halt\" type=\"button\" title=\"Stop every running drill on every runner and block new ones\">HALT ALL</button>" : string.Empty)
                .Append("<button id=\"signout\" type=\"button\">Sign out</button></nav>");
            if (context.RequestServices.GetService<HaltWatcher>()?.Current is { } halted)
            {
                html.Append("<div id=\"halt-banner\" class=\"halted\" role=\"alert\">").Append(Encode(halted.Describe()))
                    .Append(IsAdmin(context.User) ? "<button id=\"release-halt\" type=\"button\">Release</button>" : string.Empty).Append("</div>");
            }
        }

        html.Append("<main>").Append(body).Append("</main></body></html>");
        return Html(context, html.ToString(), PagePolicy);
    }

    public static IResult Html(HttpContext context, string html, string policy)
    {
        context.Response.Headers.ContentSecurityPolicy = policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
