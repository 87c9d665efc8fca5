using System.Globalization;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Steps.Instances;
using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Steps.Exec;

/// <summary>
/// Runbook action <c>exec</c>: a command in an instance, to its exit or its timeout, retried as configured. The exit
/// code and the end of the output go into the step's detail (timeline, journal, the report's runbook table); each
/// failed attempt is a timeline note. Nothing to undo: a runbook step is what restores.
/// </summary>
internal sealed class ExecAction(ExecOptions options) : IStep
{
    public bool IsFault => false;

    private bool UsesFolders => options.Command.Any(a => a.Contains(InstanceSettings.DataPlaceholder, StringComparison.Ordinal) || a.Contains(InstanceSettings.SharedPlaceholder, StringComparison.Ordinal));

    public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) =>
        UsesFolders ? [typeof(IInstanceExec), typeof(IInstanceData)] : [typeof(IInstanceExec)];

    public string Describe() => $"run `{new ExecRequest(options.Command).Display}` in {Where()}";

    public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult<UndoRecord?>(null);

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var exec = context.Driver.Require<IInstanceExec>();
        var service = context.Environment.Services[options.Service];
        var (instance, index) = await PickAsync(context, service, cancellationToken);
        var command = await ExpandAsync(context, service, instance, index, cancellationToken);
        var request = new ExecRequest(command) { Timeout = options.Timeout, User = options.User };
        var attempts = options.Retries + 1;
        var failures = new List<string>();
        for (var attempt = 1; ; attempt++)
        {
            var result = await exec.ExecAsync(instance, request, cancellationToken);
            var counted = attempts > 1 ? $" (attempt {attempt.ToString(CultureInfo.InvariantCulture)} of {attempts.ToString(CultureInfo.InvariantCulture)})" : "";
            if (result.Succeeded)
            {
                var output = Tail(result.StandardOutput.Trim().Length > 0 ? result.StandardOutput : result.StandardError);
                return $"{instance}: `{request.Display}` exit 0 after {DurationParser.Format(result.Elapsed)}{counted}"
                    + (failures.Count > 0 ? $"; earlier attempts: {string.Join("; ", failures)}" : "")
                    + (output.Length > 0 ? $"; output: {output}" : "");
            }

            if (attempt >= attempts)
            {
                throw new DriverException($"{instance}: `{request.Display}` {result.Summary}{counted}");
            }

            failures.Add(result.TimedOut ? $"timed out after {DurationParser.Format(result.Elapsed)}" : $"exit {result.ExitCode}");
            context.Timeline.Add(new TimelineEvent(context.Time.GetUtcNow(), EventKinds.Note, $"{options.Name ?? options.Kind}: attempt {attempt.ToString(CultureInfo.InvariantCulture)} of {attempts.ToString(CultureInfo.InvariantCulture)} {result.Summary}; again in {DurationParser.Format(options.RetryDelay)}", options.Name));
            await Task.Delay(options.RetryDelay, context.Time, cancellationToken);
        }
    }

    private string Where() =>
        options.Instance is { } i ? $"{options.Service} instance {i.ToString(CultureInfo.InvariantCulture)}"
        : options.Role is { } role ? $"the {role} of {options.Service}"
        : $"the first instance of {options.Service}";

    private async Task<(string Id, int Index)> PickAsync(StepContext context, ServiceSpec service, CancellationToken cancellationToken)
    {
        var all = await context.Driver.ListInstancesAsync(options.Service, cancellationToken);
        var indexed = all.Select(i => (Info: i, Index: IndexOf(context.Environment, service, i.Id))).Where(x => x.Index > 0).OrderBy(x => x.Index).ToList();
        if (options.Role is { } role)
        {
            foreach (var (info, index) in indexed)
            {
                if (await InstanceRoles.HoldsAsync(context, info, service.Roles[role], cancellationToken))
                {
                    return (info.Id, index);
                }
            }

            throw new DriverException($"no instance of service '{options.Service}' holds role '{role}' now");
        }

        var wanted = options.Instance ?? (indexed.Count > 0 ? indexed[0].Index : 1);
        return indexed.FirstOrDefault(x => x.Index == wanted) is { Info: not null } found
            ? (found.Info.Id, found.Index)
            : throw new DriverException($"service '{options.Service}' has no instance {wanted.ToString(CultureInfo.InvariantCulture)}");
    }

    private async Task<IReadOnlyList<string>> ExpandAsync(StepContext context, ServiceSpec service, string instance, int index, CancellationToken cancellationToken)
    {
        string? data = null, shared = null;
        if (UsesFolders)
        {
            var location = await context.Driver.Require<IInstanceData>().LocateAsync(instance, context.RunId, cancellationToken)
                ?? throw new DriverException($"{instance} has no data folder for {InstanceSettings.DataPlaceholder}");
            (data, shared) = (location.Path, location.Shared);
        }

        return [.. options.Command.Select(a => InstanceSettings.Expand(a, context.Environment, service, index, data, shared))];
    }

    private static int IndexOf(EnvironmentSpec environment, ServiceSpec service, string id)
    {
        var prefix = InstanceSettings.InstanceId(environment, service, 0)[..^1];
        return id.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(id[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0;
    }

    private static string Tail(string output)
    {
        var text = output.Trim().ReplaceLineEndings(" | ");
        return text.Length <= ExecConstants.OutputInDetail ? text : "..." + text[^ExecConstants.OutputInDetail..];
    }
}
