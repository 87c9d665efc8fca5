using System.Text.Json;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>What Patroni's REST API says about the cluster: who leads, and whether each replica streams from it.</summary>
internal static class PatroniCluster
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>Null when the cluster has one leader and every other node streams from it; otherwise what is wrong.</summary>
    public static async Task<string?> ProblemAsync(params int[] restPorts)
    {
        try
        {
            // Patroni 3.0: /cluster lists the members and their roles; the leader's /patroni its replication connections.
            using var cluster = JsonDocument.Parse(await Http.GetStringAsync(new Uri($"http://127.0.0.1:{restPorts[0]}/cluster")));
            var members = cluster.RootElement.GetProperty("members").EnumerateArray()
                .Select(m => (Name: m.GetProperty("name").GetString()!, Role: m.GetProperty("role").GetString(), State: m.GetProperty("state").GetString(), Api: m.GetProperty("api_url").GetString()!))
                .ToList();
            var leaders = members.Where(m => m.Role == "leader").ToList();
            if (members.Count != restPorts.Length || leaders.Count != 1)
            {
                return $"members: {string.Join(", ", members.Select(m => $"{m.Name} {m.Role} {m.State}"))}";
            }

            using var leader = JsonDocument.Parse(await Http.GetStringAsync(new Uri(leaders[0].Api)));
            var streaming = leader.RootElement.TryGetProperty("replication", out var replication)
                ? replication.EnumerateArray().Where(r => r.GetProperty("state").GetString() == "streaming").Select(r => r.GetProperty("application_name").GetString()).ToHashSet()
                : [];
            var notStreaming = members.Where(m => m.Role != "leader" && (m.State != "running" && m.State != "streaming" || !streaming.Contains(m.Name))).Select(m => m.Name).ToList();
            return notStreaming.Count == 0 ? null : $"not streaming from {leaders[0].Name}: {string.Join(", ", notStreaming)}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"no answer from Patroni: {ex.Message}";
        }
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
