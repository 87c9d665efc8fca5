using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Cli.Terminal;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill halt --server URL</c>: the same switch through a server's API (<c>/api/halt</c>, admin key).</summary>
internal static class RemoteHalt
{
    public static async Task<int> RunAsync(string server, string? apiKey, HaltAction action, string? reason)
    {
        apiKey ??= Environment.GetEnvironmentVariable(RemoteRun.ApiKeyVariable);
        if (string.IsNullOrEmpty(apiKey))
        {
            Console.Error.WriteLine($"error: --api-key (or ${RemoteRun.ApiKeyVariable}) is required with --server");
            return ExitCodes.InvalidInput;
        }

        using var http = new HttpClient { BaseAddress = new Uri(server.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        using var response = action switch
        {
            HaltAction.Halt => await http.PostAsJsonAsync("api/halt", new { reason }),
            HaltAction.Release => await http.DeleteAsync(new Uri("api/halt", UriKind.Relative)),
            _ => await http.GetAsync(new Uri("api/halt", UriKind.Relative)),
        };
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"error: {server} answered {(int)response.StatusCode}: {body}");
            return ExitCodes.InvalidInput;
        }

        var view = JsonDocument.Parse(body).RootElement;
        var halted = view.GetProperty("halted").GetBoolean();
        Console.WriteLine(halted ? view.GetProperty("message").GetString() : action == HaltAction.Release ? "released: drills may run again" : "not halted");
        return action == HaltAction.Status && halted ? ExitCodes.Halted : ExitCodes.Pass;
    }
}
