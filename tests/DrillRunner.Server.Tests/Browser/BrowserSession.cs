using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace DrillRunner.Server.Tests.Browser;

/// <summary>
/// Headless Debian Chromium through Playwright (never a downloaded browser). Every request to a host other than
/// 127.0.0.1/localhost is aborted and remembered, so a test can assert that a page needed no network.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ConcurrentQueue<string> _blocked = new();

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
    }

    public IBrowserContext Context { get; }

    /// <summary>Requests that tried to leave this machine (all aborted).</summary>
    public IReadOnlyCollection<string> Blocked => [.. _blocked];

    public static async Task<BrowserSession> StartAsync(Uri baseAddress)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumFactAttribute.ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 1000 } });
            context.SetDefaultTimeout(30_000);
            var session = new BrowserSession(playwright, browser, context);
            await context.RouteAsync("**/*", session.RouteAsync);
            return session;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async Task<IPage> SignInAsync(string key)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#key", key);
        await page.ClickAsync("#signin");
        await page.WaitForSelectorAsync("#drills");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task RouteAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (url.Scheme is "data" or "about" || url.Host is "127.0.0.1" or "localhost")
        {
            await route.ContinueAsync();
            return;
        }

        _blocked.Enqueue(route.Request.Url);
        await route.AbortAsync();
    }
}
