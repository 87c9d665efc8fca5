using System.Globalization;
using DrillRunner.Drivers;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local;

/// <summary>Reports an instance's real state from <c>/proc</c> and its health endpoint, not from memory.</summary>
internal sealed class InstanceInspector(HttpClient http, TimeProvider timeProvider, TimeSpan healthTimeout)
{
    public async Task<InstanceInfo> InspectAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var launch = record.Launch;
        var stat = ProcStat.ReadAlive(record.Pid, record.PidStartTicks);
        var state = stat switch
        {
            { IsStopped: true } => InstanceState.Paused,
            not null => InstanceState.Running,
            null => record.Phase switch
            {
                InstancePhase.Restarting => InstanceState.Restarting,
                InstancePhase.Stopped => InstanceState.Stopped,
                _ => InstanceState.Exited,
            },
        };
        var endpoint = launch.Port > 0
            ? new Uri($"http://127.0.0.1:{launch.Port.ToString(CultureInfo.InvariantCulture)}/")
            : null;
        var health = launch.HealthPath is null ? InstanceHealth.None
            : state == InstanceState.Running && endpoint is not null ? await ProbeAsync(endpoint, launch.HealthPath, cancellationToken)
            : InstanceHealth.Unhealthy;
        return new InstanceInfo(launch.Id, launch.Service, state, health, launch.Settings, endpoint, stat is null ? null : record.Pid);
    }

    private async Task<InstanceHealth> ProbeAsync(Uri endpoint, string healthPath, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(healthTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var response = await http.GetAsync(new Uri(endpoint, healthPath), linked.Token);
            return response.IsSuccessStatusCode ? InstanceHealth.Healthy : InstanceHealth.Unhealthy;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return InstanceHealth.Unhealthy;
        }
    }
}
