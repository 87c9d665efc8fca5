using System.Text.Json;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>What Patroni's REST API says about the cluster: who leads, and whether each replica streams from it.</summary>
internal static class PatroniCluster
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>Null when the cluster has one leader and every other node streams from it; otherwise what is wrong.</summary>
    public static async Task<string?> ProblemAsync(params int[] restPorts)
    {
        var leaders = new List<(int Port, JsonElement Status)>();
        var replicas = new List<string>();
        foreach (var port in restPorts)
        {
            try
            {
                using var status = JsonDocument.Parse(await Http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/patroni")));
                var role = status.RootElement.GetProperty("role").GetString();
                if (role is "master" or "primary")
                {
                    leaders.Add((port, status.RootElement.Clone()));
                }
                else
                {
                    replicas.Add(status.RootElement.GetProperty("patroni").GetProperty("name").GetString() ?? "?");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
            {
                return $"node on {port} does not answer: {ex.Message}";
            }
        }

        if (leaders.Count != 1)
        {
            return $"{leaders.Count} leaders";
        }

        var streaming = leaders[0].Status.TryGetProperty("replication", out var replication)
            ? replication.EnumerateArray().Where(r => r.GetProperty("state").GetString() == "streaming").Select(r => r.GetProperty("application_name").GetString()).ToHashSet()
            : [];
        var notStreaming = replicas.Where(r => !streaming.Contains(r)).ToList();
        return notStreaming.Count == 0 ? null : $"not streaming from the leader: {string.Join(", ", notStreaming)}";
    }

    public static async Task<string?> WaitHealthyAsync(TimeSpan timeout, params int[] restPorts)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        string? problem;
        while ((problem = await ProblemAsync(restPorts)) is not null && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        }

        return problem;
    }
}
