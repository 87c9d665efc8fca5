using System.Globalization;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Steps;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Docker.Faults.DiskFill;

/// <summary>
/// <c>disk-fill</c>: refuses at load a path that is not a tmpfs the environment gives the service (for services it
/// creates), and at prepare any mount the driver finds to be the host's storage. The record holds the tag of the one
/// file per instance, so the undo deletes exactly what was written.
/// </summary>
internal sealed class DiskFillFault(DiskFillOptions options) : IStep
{
    public bool IsFault => true;

    public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [typeof(IMountFilling)];

    public string Describe() => $"fill {options.Path} to {options.Level} on {(options.Percent is { } p ? p.ToString() : (options.Count ?? 1).ToString(CultureInfo.InvariantCulture))} of {options.Service}";

    public IEnumerable<FileProblem> CheckAgainst(EnvironmentSpec environment)
    {
        // Adopted containers (a selector) have mounts the file does not know: the driver checks them at injection.
        if (!environment.Services.TryGetValue(options.Service, out var service) || service.Selector is not null)
        {
            yield break;
        }

        if (!service.Tmpfs.Keys.Any(m => options.Path == m || options.Path.StartsWith(m.TrimEnd('/') + "/", StringComparison.Ordinal)))
        {
            var declared = service.Tmpfs.Count == 0 ? "it has none" : $"it has {string.Join(", ", service.Tmpfs.Keys)}";
            yield return new FileProblem(options.Location, "steps.path",
                $"{options.Path} is not on a tmpfs mount of service '{service.Name}' ({declared}; add one under services.{service.Name}.tmpfs): disk-fill never fills the host's storage");
        }
    }

    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        var filling = context.Driver.Require<IMountFilling>();
        var level = options.Level?.Fraction ?? 0;
        var targets = await TargetPicker.PickAsync(context, options, takesDown: false, cancellationToken);
        var run = context.Random.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);
        var instances = new List<FilledInstance>();
        foreach (var (target, index) in targets.Select((t, i) => (t, i)))
        {
            var mount = await filling.ReadMountAsync(target.Id, options.Path, cancellationToken);
            if (mount.WhyNotFillable is { } why)
            {
                throw new DriverException($"{target.Id}: disk-fill refused: {why}");
            }

            var bytes = Math.Max(0, (long)Math.Ceiling(level * mount.TotalBytes) - (mount.TotalBytes - mount.FreeBytes));
            if (bytes > DiskFillConstants.MaxBytes)
            {
                throw new DriverException($"{target.Id}: filling {mount.MountPoint} to {options.Level} would write {bytes} bytes, more than disk-fill's limit of 2GiB");
            }

            instances.Add(new FilledInstance(target.Id, $"{context.RunId}-{run}{index.ToString(CultureInfo.InvariantCulture)}", bytes));
        }

        var payload = new DiskFillPayload(options.Path, level, instances);
        return new UndoRecord(options.Kind, string.Join(", ", instances.Select(i => i.Id)), payload.ToJson());
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var payload = DiskFillPayload.FromJson(undo!.Payload);
        var filling = context.Driver.Require<IMountFilling>();
        var done = new List<string>();
        foreach (var instance in payload.Instances)
        {
            var written = await filling.FillAsync(instance.Id, payload.Path, instance.Tag, instance.Bytes, cancellationToken);
            var mount = await filling.ReadMountAsync(instance.Id, payload.Path, cancellationToken);
            if (mount.UsedFraction < payload.Level - DiskFillConstants.Tolerance && mount.FreeBytes > 0)
            {
                throw new DriverException($"{instance.Id}: {mount.MountPoint} is {mount.UsedFraction:P1} full after writing {written} bytes, not {payload.Level:P0}");
            }

            done.Add($"{instance.Id}: {mount.MountPoint} {mount.UsedFraction:P1} full ({written} bytes written, {mount.FreeBytes} free)");
        }

        return $"filled {payload.Path}: {string.Join("; ", done)}";
    }
}
