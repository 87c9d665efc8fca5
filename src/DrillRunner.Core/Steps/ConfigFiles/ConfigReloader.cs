using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.ConfigFiles;

/// <summary>Checks a changed config with the server's own tool, reloads the server, and waits until it serves again.</summary>
internal static class ConfigReloader
{
    /// <summary>The capabilities a reload plan needs besides file access.</summary>
    public static IEnumerable<Type> Needs(ReloadPlan plan)
    {
        if (plan.Signal is not null)
        {
            yield return typeof(IInstanceSignals);
        }

        if (plan.Exec.Count > 0 || plan.Check.Count > 0)
        {
            yield return typeof(IInstanceExec);
        }

        if (plan.Restart)
        {
            yield return typeof(IInstanceLifecycle);
        }
    }

    /// <summary>Runs the plan's check; throws <see cref="FileEditException"/> when the server would reject the file.</summary>
    public static async Task CheckAsync(StepContext context, string instanceId, ReloadPlan plan, string path, CancellationToken cancellationToken)
    {
        if (plan.Check.Count == 0)
        {
            return;
        }

        var result = await ExecAsync(context, instanceId, plan.Check, plan, path, cancellationToken);
        if (!result.Succeeded)
        {
            throw new FileEditException($"{instanceId}: the server rejects the changed {path} ({Display(plan.Check, path)}: {result.Summary})");
        }
    }

    /// <summary>Reloads and waits until the instance runs (and passes its health check) again.</summary>
    public static async Task ReloadAsync(StepContext context, string instanceId, ReloadPlan plan, string path, CancellationToken cancellationToken)
    {
        if (plan.Signal is not null)
        {
            await context.Driver.Require<IInstanceSignals>().SignalAsync(instanceId, plan.Signal, cancellationToken);
        }
        else if (plan.Exec.Count > 0)
        {
            var result = await ExecAsync(context, instanceId, plan.Exec, plan, path, cancellationToken);
            if (!result.Succeeded)
            {
                throw new FileEditException($"{instanceId}: the reload command failed ({Display(plan.Exec, path)}: {result.Summary})");
            }
        }
        else
        {
            await context.Driver.Require<IInstanceLifecycle>().RestartAsync(instanceId, cancellationToken);
        }

        if (plan.Settle > TimeSpan.Zero)
        {
            await Task.Delay(plan.Settle, context.Time, cancellationToken);
        }

        try
        {
            await InstanceWaiter.WaitForAsync(context, instanceId, InstanceWaiter.IsUp, "running and healthy", cancellationToken, plan.Timeout);
        }
        catch (DriverException ex)
        {
            throw new FileEditException($"after the reload ({plan.Describe()}): {ex.Message}", ex);
        }
    }

    private static Task<ExecResult> ExecAsync(StepContext context, string instanceId, IReadOnlyList<string> command, ReloadPlan plan, string path, CancellationToken cancellationToken) =>
        context.Driver.Require<IInstanceExec>().ExecAsync(
            instanceId,
            new ExecRequest([.. command.Select(a => a.Replace(ConfigFileConstants.FilePlaceholder, path, StringComparison.Ordinal))]) { Timeout = plan.Timeout },
            cancellationToken);

    private static string Display(IReadOnlyList<string> command, string path) =>
        string.Join(' ', command).Replace(ConfigFileConstants.FilePlaceholder, path, StringComparison.Ordinal);
}
