using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Steps.Limits;

/// <summary>What differs between the CPU and the memory limit: how it is read, set and compared.</summary>
internal sealed record LimitedResource(
    string Name,
    Func<ResourceLimits, double?> Read,
    Func<IResourceLimits, string, double?, CancellationToken, Task> SetAsync,
    Func<double, string> Format)
{
    public static readonly LimitedResource Cpu = new(
        ResourceLimitPayload.Cpu, l => l.Cpus, (d, id, v, ct) => d.SetCpuLimitAsync(id, v, ct),
        v => $"{v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} CPU");

    public static readonly LimitedResource Memory = new(
        ResourceLimitPayload.Memory, l => l.MemoryBytes, (d, id, v, ct) => d.SetMemoryLimitAsync(id, v is null ? null : (long)v, ct),
        v => new Units.ByteSize((long)v).ToString());

    public static LimitedResource Of(string name) => name switch
    {
        ResourceLimitPayload.Cpu => Cpu,
        ResourceLimitPayload.Memory => Memory,
        _ => throw new DriverException($"unknown resource '{name}' in a limit undo record"),
    };

    public string Describe(double? value) => value is { } v ? Format(v) : "no limit";

    public static bool Same(double? expected, double? actual) =>
        (expected, actual) switch
        {
            (null, null) => true,
            ({ } e, { } a) => Math.Abs(e - a) <= e * ResourceLimitConstants.Tolerance,
            _ => false,
        };

    /// <summary>Sets the limit, then reads it back from the instance until it is in effect.</summary>
    public async Task ApplyAsync(Engine.StepContext context, IResourceLimits limits, string id, double? value, CancellationToken cancellationToken)
    {
        await SetAsync(limits, id, value, cancellationToken);
        var deadline = context.Time.GetUtcNow() + ResourceLimitConstants.VerifyTimeout;
        while (true)
        {
            var now = Read(await limits.ReadLimitsAsync(id, cancellationToken));
            if (Same(value, now))
            {
                return;
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                throw new DriverException($"{id}: {Name} limit reads {Describe(now)} after setting {Describe(value)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), context.Time, cancellationToken);
        }
    }
}
