using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Cli.Terminal;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// <c>drill run NAME --server URL</c>: triggers the run on a drill server, follows it by polling, saves the report
/// and exits like a local run. Ctrl+C asks the server to abort (it restores) and keeps following.
/// </summary>
internal static class RemoteRun
{
    public const string ApiKeyVariable = "DRILLRUNNER_API_KEY";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string server, string? apiKey, string drill, string reportDirectory, CancellationToken abort)
    {
        apiKey ??= Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrEmpty(apiKey))
        {
            Console.Error.WriteLine($"error: --api-key (or ${ApiKeyVariable}) is required with --server");
            return ExitCodes.InvalidInput;
        }

        using var http = new HttpClient { BaseAddress = new Uri(server.TrimEnd('/') + "/") };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var name = DrillName(drill);
        using var trigger = await http.PostAsJsonAsync($"api/drills/{Uri.EscapeDataString(name)}/runs", new { reason = $"drill run from {Environment.MachineName}", ifBusy = "queue" }, CancellationToken.None);
        if (!trigger.IsSuccessStatusCode)
        {
            return await FailAsync(trigger);
        }

        var runId = (await trigger.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("id").GetString()!;
        AnsiConsole.MarkupLineInterpolated($"Drill [bold]{name}[/] queued on {server} as run [bold]{runId}[/]");
        var run = await FollowAsync(http, runId, abort);
        return await FinishAsync(http, runId, run, reportDirectory);
    }

    /// <summary>A drill file path names the drill by its file name; anything else is taken as the name.</summary>
    private static string DrillName(string drill) =>
        drill.EndsWith(".yaml", StringComparison.Ordinal) || drill.EndsWith(".yml", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(drill) : drill;

    private static async Task<JsonElement> FollowAsync(HttpClient http, string runId, CancellationToken abort)
    {
        var abortSent = false;
        string? lastLine = null;
        while (true)
        {
            if (abort.IsCancellationRequested && !abortSent)
            {
                abortSent = true;
                using var _ = await http.PostAsync($"api/runs/{runId}/abort", null, CancellationToken.None);
                AnsiConsole.MarkupLine("[red]abort requested: the server restores the environment[/]");
            }

            var view = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}", CancellationToken.None);
            var status = view.GetProperty("run").GetProperty("status").GetString();
            if (status is not ("queued" or "running"))
            {
                return view;
            }

            var line = Describe(status, view);
            if (line != lastLine)
            {
                AnsiConsole.WriteLine(line);
                lastLine = line;
            }

            await Task.Delay(PollInterval, TimeProvider.System, CancellationToken.None);
        }
    }

    private static string Describe(string status, JsonElement view)
    {
        if (view.GetProperty("live") is not { ValueKind: JsonValueKind.Object } live)
        {
            return status;
        }

        var phase = live.GetProperty("phase").ToString();
        var faults = string.Join(", ", live.GetProperty("activeFaults").EnumerateArray().Select(f => f.GetString()));
        var ack = live.GetProperty("pendingAck") is { ValueKind: JsonValueKind.Object } a ? $" | WAITING FOR ACK: {a.GetProperty("prompt").GetString()}" : "";
        return $"{status} {phase}{(faults.Length == 0 ? "" : $" | active: {faults}")}{ack}";
    }

    private static async Task<int> FinishAsync(HttpClient http, string runId, JsonElement view, string reportDirectory)
    {
        var run = view.GetProperty("run");
        var status = run.GetProperty("status").GetString();
        var verdict = run.TryGetProperty("verdict", out var v) ? v.GetString() : null;
        var score = run.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? $" score {s.GetDouble():0.#}/100" : "";
        AnsiConsole.MarkupLineInterpolated($"[bold]{verdict ?? status?.ToUpperInvariant()}[/]{score} — run {runId} {status}");
        using var report = await http.GetAsync($"api/runs/{runId}/report?format=md", CancellationToken.None);
        if (report.IsSuccessStatusCode)
        {
            var folder = Path.Combine(Path.GetFullPath(reportDirectory), runId);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "report.md");
            await File.WriteAllTextAsync(file, await report.Content.ReadAsStringAsync(CancellationToken.None), CancellationToken.None);
            AnsiConsole.MarkupLineInterpolated($"report: {file}");
        }

        return status switch
        {
            "restore-failed" => ExitCodes.RestoreFailed,
            "not-started" or "errored" => ExitCodes.InvalidInput,
            _ when verdict == "PASS" => ExitCodes.Pass,
            _ => ExitCodes.ObjectivesMissed,
        };
    }

    private static async Task<int> FailAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
        var detail = body;
        try
        {
            detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() ?? body;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
        }

        Console.Error.WriteLine($"error: server answered {(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
        return ExitCodes.InvalidInput;
    }
}
