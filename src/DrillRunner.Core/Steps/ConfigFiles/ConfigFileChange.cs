using System.Globalization;
using System.Text;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Steps.Configure;

namespace DrillRunner.Steps.ConfigFiles;

/// <summary>
/// A change to a server's config file, shared by <c>misconfigure</c> and <c>set-config</c>. The plan reads each
/// target's file and computes the edit before anything changes (a directive that is not there, a template that does not
/// render: nothing is touched), and journals the original bytes. Applying writes the edit, verifies it by hash, runs the
/// check, reloads and waits for the instance to serve; on any failure the instance's original is put back and reloaded
/// before the error (saying why) goes up.
/// </summary>
internal static class ConfigFileChange
{
    public static bool Applies(ConfigureOptions options) => options.File is not null;

    public static IReadOnlyList<Type> RequiredCapabilities(ConfigureOptions options) =>
        options.Reload is null ? [typeof(IFileAccess)] : [typeof(IFileAccess), .. ConfigReloader.Needs(ReloadPlan.From(options.Reload)).Distinct()];

    public static string Describe(string kind, ConfigureOptions options) =>
        $"{kind} {options.Service}: {options.File}: {options.Edit?.Describe()} (reload: {options.Reload?.Describe()})";

    public static async Task<UndoRecord> PlanAsync(StepContext context, ConfigureOptions options, IReadOnlyList<InstanceInfo> targets, CancellationToken cancellationToken)
    {
        var files = context.Driver.Require<IFileAccess>();
        var service = context.Environment.Services.GetValueOrDefault(options.Service) ?? new ServiceSpec { Name = options.Service };
        string? template = options.Edit!.Template is null ? null : await System.IO.File.ReadAllTextAsync(options.Edit.TemplatePath(options.Location.File), cancellationToken);
        var planned = new List<ConfigFileTarget>();
        foreach (var target in targets)
        {
            var path = files.ResolvePath(target.Id, options.File!);
            var original = await files.ReadFileAsync(target.Id, path, ConfigFileConstants.MaxFileBytes, cancellationToken)
                ?? throw new FileEditException($"{target.Id} has no file {path}; nothing was changed");
            var variables = InstanceFiles.Variables(context.Environment, service, IndexOf(target.Id), files.ResolvePath(target.Id, "."));
            var edited = Encoding.UTF8.GetBytes(FileEdits.Apply(Encoding.UTF8.GetString(original), options.Edit, $"{path} of {target.Id}", variables, template));
            planned.Add(new ConfigFileTarget(target.Id, path, original, ConfigFilePayload.Sha256(original), edited, ConfigFilePayload.Sha256(edited)));
        }

        var payload = new ConfigFilePayload(options.Service, options.File!, ReloadPlan.From(options.Reload!), planned);
        return new UndoRecord(ConfigFileConstants.UndoKind, string.Join(", ", planned.Select(t => $"{t.Instance}:{t.Path}")), payload.ToJson());
    }

    public static async Task<string> ApplyAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var payload = ConfigFilePayload.FromJson(record.Payload);
        foreach (var target in payload.Targets)
        {
            try
            {
                await WriteVerifiedAsync(context, target.Instance, target.Path, target.Edited, target.EditedSha256, cancellationToken);
                await ConfigReloader.CheckAsync(context, target.Instance, payload.Reload, target.Path, cancellationToken);
                await ConfigReloader.ReloadAsync(context, target.Instance, payload.Reload, target.Path, cancellationToken);
            }
            catch (Exception ex) when (ex is FileEditException or DriverException)
            {
                string putBack;
                try
                {
                    putBack = await RestoreAsync(context, target, payload.Reload, cancellationToken);
                }
                catch (Exception restore) when (restore is FileEditException or DriverException)
                {
                    putBack = $"putting the original back failed too ({restore.Message}); the restore phase tries again";
                }

                throw new FileEditException($"{ex.Message}; {putBack}", ex);
            }
        }

        return $"{string.Join(", ", payload.Targets.Select(t => $"{t.Instance}:{t.Path} sha256 {t.OriginalSha256[..12]} -> {t.EditedSha256[..12]}"))}, reloaded ({payload.Reload.Describe()})";
    }

    /// <summary>
    /// Puts one instance's original bytes back (verified by hash), reloads it when it runs and waits until it serves.
    /// Idempotent: a file that already holds the original is not written, but the server is reloaded all the same (it
    /// may still run the changed config if the runner died between writing back and reloading).
    /// </summary>
    public static async Task<string> RestoreAsync(StepContext context, ConfigFileTarget target, ReloadPlan reload, CancellationToken cancellationToken)
    {
        var info = await context.Driver.GetInstanceAsync(target.Instance, cancellationToken);
        if (info.State == InstanceState.Missing)
        {
            throw new DriverException($"{target.Instance} no longer exists: its {target.Path} cannot be put back");
        }

        var files = context.Driver.Require<IFileAccess>();
        var current = await files.ReadFileAsync(target.Instance, target.Path, ConfigFileConstants.MaxFileBytes, cancellationToken);
        var wrote = current is null || ConfigFilePayload.Sha256(current) != target.OriginalSha256;
        if (wrote)
        {
            await WriteVerifiedAsync(context, target.Instance, target.Path, target.Original, target.OriginalSha256, cancellationToken);
        }

        var what = $"{target.Path} of {target.Instance} {(wrote ? "put back" : "already original")} (sha256 {target.OriginalSha256[..12]})";
        if (info.State is not (InstanceState.Running or InstanceState.Restarting))
        {
            return $"{what}; not reloaded: {target.Instance} is {info.State} and reads it when it starts";
        }

        await ConfigReloader.ReloadAsync(context, target.Instance, reload, target.Path, cancellationToken);
        return $"{what}, reloaded ({reload.Describe()}) and healthy";
    }

    private static async Task WriteVerifiedAsync(StepContext context, string instance, string path, byte[] content, string sha256, CancellationToken cancellationToken)
    {
        var files = context.Driver.Require<IFileAccess>();
        await files.WriteFileAsync(instance, path, content, cancellationToken);
        var back = await files.ReadFileAsync(instance, path, ConfigFileConstants.MaxFileBytes, cancellationToken);
        var actual = back is null ? "(missing)" : ConfigFilePayload.Sha256(back);
        if (actual != sha256)
        {
            throw new DriverException($"{instance}: {path} reads back with sha256 {actual[..Math.Min(12, actual.Length)]}, expected {sha256[..12]}");
        }
    }

    // Instance ids end in their 1-based index ({environment}-{service}-{index}); an adopted container's may not.
    private static int IndexOf(string instanceId)
    {
        var dash = instanceId.LastIndexOf('-');
        return dash >= 0 && int.TryParse(instanceId[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 1;
    }
}
