using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Model;
using DrillRunner.Steps.Exec;
using DrillRunner.Steps.Instances;
using DrillRunner.Timeline;

namespace DrillRunner.Drivers;

/// <summary>
/// The last part of <c>env up</c>, for every driver: each service's <c>setup</c> commands (a backup stanza, the first
/// full backup), in order, in the instance holding the named role (waited for) or the one named, as the exec action
/// runs them. A command that fails fails <c>env up</c> with its output.
/// </summary>
public static class EnvironmentSetup
{
    /// <summary>How long a role (the primary of a new cluster) may take to be held after the instances are up.</summary>
    public static readonly TimeSpan RoleWait = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Before anything starts: a driver that cannot run commands in an instance refuses an environment with setup
    /// commands, rather than bringing it up without its backups.
    /// </summary>
    public static void EnsureSupported(EnvironmentSpec environment, IEnvironmentDriver driver)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(driver);
        if (environment.Services.Values.FirstOrDefault(s => s.Setup.Count > 0) is { } service && driver.Find<IInstanceExec>() is null)
        {
            throw new DriverException($"{environment.SourceFile}: service '{service.Name}' has setup commands, and the {driver.Name} driver cannot run commands in an instance; use the local driver (--driver local)");
        }
    }

    public static async Task RunAsync(EnvironmentSpec environment, IEnvironmentDriver driver, IProgress<string> progress, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(progress);
        var context = new StepContext { RunId = "env-up", Environment = environment, Driver = driver, Time = time, Timeline = new RunTimeline() };
        foreach (var service in environment.Services.Values.Where(s => s.Setup.Count > 0))
        {
            _ = driver.Require<IInstanceExec>();
            foreach (var setup in service.Setup)
            {
                if (setup.Role is { } role)
                {
                    await WaitForRoleAsync(context, service, role, cancellationToken);
                }

                var step = new ExecAction(new ExecOptions
                {
                    Kind = ExecConstants.Kind,
                    Name = setup.Label,
                    Service = service.Name,
                    Role = setup.Role,
                    Instance = setup.Instance,
                    Command = setup.Command,
                    Timeout = setup.Timeout,
                });
                try
                {
                    progress.Report($"{service.Name} setup '{setup.Label}': {await step.ExecuteAsync(context, null, cancellationToken)}");
                }
                catch (DriverException ex)
                {
                    throw new DriverException($"{environment.SourceFile}: setup '{setup.Label}' of service '{service.Name}' failed: {ex.Message}", ex);
                }
            }
        }
    }

    private static async Task WaitForRoleAsync(StepContext context, ServiceSpec service, string role, CancellationToken cancellationToken)
    {
        var deadline = context.Time.GetUtcNow() + RoleWait;
        while (true)
        {
            foreach (var instance in await context.Driver.ListInstancesAsync(service.Name, cancellationToken))
            {
                if (await InstanceRoles.HoldsAsync(context, instance, service.Roles[role], cancellationToken))
                {
                    return;
                }
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                throw new DriverException($"{context.Environment.SourceFile}: no instance of service '{service.Name}' holds role '{role}' {RoleWait.TotalSeconds:0}s after env up; its setup cannot run");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), context.Time, cancellationToken);
        }
    }
}
