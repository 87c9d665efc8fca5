using System.Net;
using System.Net.Http.Json;
using DrillRunner.Server.Tests.Harness;
using Microsoft.Playwright;

namespace DrillRunner.Server.Tests.Browser;

/// <summary>The web dashboard in headless Chromium against a real server with the fake driver.</summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(new Dictionary<string, string>
        {
            ["quick"] = TestDrills.Kill("quick", faultFor: "3s"),
            ["ack"] = TestDrills.Kill("ack", faultFor: "60s", extraSteps: TestDrills.AckStep),
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [ChromiumFact]
    public async Task An_operator_starts_a_run_from_the_catalog_watches_it_progress_and_sees_its_report_with_the_chart()
    {
        await using var browser = await BrowserSession.StartAsync(_server.Address);
        var page = await browser.SignInAsync(ServerHarness.OperatorKey);

        await page.ClickAsync("tr[data-drill=quick] button[data-run]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/runs/[^/]+$"));
        var phases = await WatchPhasesUntilReportAsync(page);

        Assert.True(phases.Count >= 2, $"the phase text should change while the run goes on; saw: {string.Join(" → ", phases)}");
        Assert.Equal("completed", await page.Locator("#status").TextContentAsync());
        Assert.Equal("PASS", await page.Locator("#verdict").TextContentAsync());
        var report = page.FrameLocator("#report");
        await report.Locator("#timeline-chart").WaitForAsync();
        Assert.True(await report.Locator("#timeline-chart .fault-window").CountAsync() >= 1, "the chart should shade the kill fault's window");
        Assert.Empty(browser.Blocked);

        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("finished-run.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task An_operator_acknowledges_and_aborts_a_running_drill_from_its_live_page()
    {
        var id = await _server.TriggerAsync("ack");
        await using var browser = await BrowserSession.StartAsync(_server.Address);
        var page = await browser.SignInAsync(ServerHarness.OperatorKey);
        await page.GotoAsync($"/runs/{id}");

        await page.Locator("#ack").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal("Find what broke", await page.Locator("#ack-prompt").TextContentAsync());
        await page.ClickAsync("#acknowledge");
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync("ack sent");

        await page.ClickAsync("#abort");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("aborted", new() { Timeout = 30_000 });
        var run = (await _server.GetRunAsync(id)).GetProperty("run");
        Assert.Equal("aborted", run.GetProperty("status").GetString());
    }

    [ChromiumFact]
    public async Task A_viewer_sees_no_run_button_and_the_api_refuses_a_viewer_trigger()
    {
        await using var browser = await BrowserSession.StartAsync(_server.Address);
        var page = await browser.SignInAsync(ServerHarness.ViewerKey);

        Assert.Equal(1, await page.Locator("tr[data-drill=quick]").CountAsync());
        Assert.Equal(0, await page.Locator("button[data-run]").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).CountAsync());

        using var viewer = _server.Client(ServerHarness.ViewerKey);
        using var trigger = await viewer.PostAsJsonAsync("/api/drills/quick/runs", new { reason = "viewer" });
        Assert.Equal(HttpStatusCode.Forbidden, trigger.StatusCode);
    }

    [ChromiumFact]
    public async Task A_viewer_follows_a_live_run_without_abort_or_acknowledge_buttons()
    {
        var id = await _server.TriggerAsync("ack");
        try
        {
            await using var browser = await BrowserSession.StartAsync(_server.Address);
            var page = await browser.SignInAsync(ServerHarness.ViewerKey);
            await page.GotoAsync($"/runs/{id}");

            await Assertions.Expect(page.Locator("#phase")).ToHaveTextAsync("inject", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#faults")).Not.ToHaveTextAsync("none");
            Assert.Equal(0, await page.Locator("#abort, #acknowledge, button[data-action]").CountAsync());
        }
        finally
        {
            using var operatorClient = _server.Client(ServerHarness.OperatorKey);
            using var abort = await operatorClient.PostAsync($"/api/runs/{id}/abort", null);
            await _server.WaitAsync(id);
        }
    }

    [ChromiumFact]
    public async Task Signing_in_with_an_unknown_key_says_so_and_stays_on_the_sign_in_page()
    {
        await using var browser = await BrowserSession.StartAsync(_server.Address);
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync("/runs");

        await page.FillAsync("#key", "not-a-key");
        await page.ClickAsync("#signin");

        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync("Unknown API key.");
        Assert.Equal(0, await page.Locator("#drills, #runs").CountAsync());
        await page.FillAsync("#key", ServerHarness.ViewerKey);
        await page.ClickAsync("#signin");
        await page.WaitForSelectorAsync("table#runs");
        Assert.EndsWith("/runs", page.Url, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task The_html_report_renders_its_chart_with_no_network_access()
    {
        var id = await _server.TriggerAsync("quick");
        await _server.WaitAsync(id);
        await using var browser = await BrowserSession.StartAsync(_server.Address);
        var page = await browser.SignInAsync(ServerHarness.ViewerKey);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        var response = await page.GotoAsync($"/runs/{id}/report.html");

        Assert.Equal(200, response!.Status);
        Assert.Contains("default-src 'none'", (await response.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#timeline-chart").CountAsync());
        Assert.True(await page.Locator(".fault-window").CountAsync() >= 1);
        Assert.Empty(browser.Blocked);
        Assert.All(requests, url => Assert.StartsWith(_server.Address.ToString(), url, StringComparison.Ordinal));
    }

    private static async Task<List<string>> WatchPhasesUntilReportAsync(IPage page)
    {
        var phases = new List<string>();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (!await HasReportAsync(page))
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"no report after 60s; phases seen: {string.Join(" → ", phases)}");
            foreach (var text in await ReadingAcrossReloadAsync(page, () => page.Locator("#phase").AllTextContentsAsync(), []))
            {
                if (phases.Count == 0 || phases[^1] != text)
                {
                    phases.Add(text);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(150), TimeProvider.System);
        }

        return phases;
    }

    private static async Task<bool> HasReportAsync(IPage page) =>
        await ReadingAcrossReloadAsync(page, () => page.Locator("#report").CountAsync(), 0) > 0;

    /// <summary>
    /// The live page reloads itself when the run finishes; a read that races the reload finds the old document gone
    /// ("Execution context was destroyed", seen once in CI). Such a read counts as "nothing yet": the next poll reads
    /// the new page.
    /// </summary>
    private static async Task<T> ReadingAcrossReloadAsync<T>(IPage page, Func<Task<T>> read, T whileReloading)
    {
        try
        {
            return await read();
        }
        catch (PlaywrightException e) when (e.Message.Contains("context was destroyed", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("navigat", StringComparison.OrdinalIgnoreCase))
        {
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            return whileReloading;
        }
    }
}
