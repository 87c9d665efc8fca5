using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillRunner.Model;

/// <summary>
/// Resolves a service's settings for one instance, so every driver names and configures instances alike.
/// Placeholders: <c>{port}</c>, <c>{ports.NAME}</c>, <c>{instance}</c> (1-based), <c>{service}</c>,
/// <c>{environment}</c>, <c>{data}</c> (the instance's data folder, which the driver chooses), <c>{shared}</c> (a
/// folder every instance of the service shares, e.g. a backup repository; destroy-data never touches it), <c>{environmentFile}</c> (the
/// environment file's absolute path, for programs of the environment that read it), and two that
/// depend on the <see cref="InstanceNetwork"/>: <c>{listen}</c>, the address to listen on (127.0.0.1 on the loopback,
/// 0.0.0.0 inside a container on a bridge), and <c>{host:SERVICE}</c>, how this instance reaches another service
/// (127.0.0.1 on the loopback, the service's name on a bridge).
/// </summary>
public static partial class InstanceSettings
{
    /// <summary>The environment variable carrying the chaos control token into an instance.</summary>
    public const string ChaosTokenSetting = "Chaos__Token";

    /// <summary>The placeholder of the instance's data folder.</summary>
    public const string DataPlaceholder = "{data}";

    /// <summary>The placeholder of the folder the service's instances share.</summary>
    public const string SharedPlaceholder = "{shared}";

    private const string Loopback = "127.0.0.1";

    [GeneratedRegex(@"\{host:([A-Za-z0-9_.-]+)\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex HostReference();

    /// <summary>The services a template refers to with <c>{host:SERVICE}</c>.</summary>
    public static IEnumerable<string> HostReferences(string template) =>
        HostReference().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>Stable instance id: <c>{environment}-{service}-{index}</c>.</summary>
    public static string InstanceId(EnvironmentSpec environment, ServiceSpec service, int index) =>
        $"{environment.Name}-{service.Name}-{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Port of the 1-based instance <paramref name="index"/>, or 0 when the service has none.</summary>
    public static int PortOf(ServiceSpec service, int index) => service.Port == 0 ? 0 : service.Port + index - 1;

    /// <summary>Every port instance <paramref name="index"/> listens on: its port and its named ports.</summary>
    public static IReadOnlyList<int> AllPortsOf(ServiceSpec service, int index) =>
        [.. new[] { PortOf(service, index) }.Concat(service.Ports.Values.Select(p => p + index - 1)).Where(p => p > 0)];

    /// <summary>True when the service's settings or args name <c>{data}</c>: its instances need a data folder.</summary>
    public static bool UsesData(ServiceSpec service) => Uses(service, DataPlaceholder);

    /// <summary>True when the service's settings or args name <c>{shared}</c>: it needs a shared folder.</summary>
    public static bool UsesShared(ServiceSpec service) => Uses(service, SharedPlaceholder);

    public static string Expand(string template, EnvironmentSpec environment, ServiceSpec service, int index, string? dataDirectory, InstanceNetwork network) =>
        Expand(template, environment, service, index, dataDirectory, null, network);

    public static string Expand(
        string template, EnvironmentSpec environment, ServiceSpec service, int index, string? dataDirectory = null, string? sharedDirectory = null, InstanceNetwork network = InstanceNetwork.Loopback)
    {
        ArgumentNullException.ThrowIfNull(template);
        var result = template
            .Replace("{port}", PortOf(service, index).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{instance}", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{service}", service.Name, StringComparison.Ordinal)
            .Replace("{environmentFile}", environment.SourceFile, StringComparison.Ordinal)
            .Replace("{environment}", environment.Name, StringComparison.Ordinal)
            .Replace("{listen}", network == InstanceNetwork.Bridge ? "0.0.0.0" : Loopback, StringComparison.Ordinal);
        foreach (var (name, port) in service.Ports)
        {
            result = result.Replace($"{{ports.{name}}}", (port + index - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (result.Contains("{host:", StringComparison.Ordinal))
        {
            result = HostReference().Replace(result, m => network == InstanceNetwork.Bridge ? m.Groups[1].Value : Loopback);
        }

        result = dataDirectory is null ? result : result.Replace(DataPlaceholder, dataDirectory, StringComparison.Ordinal);
        return sharedDirectory is null ? result : result.Replace(SharedPlaceholder, sharedDirectory, StringComparison.Ordinal);
    }

    public static IReadOnlyDictionary<string, string> For(EnvironmentSpec environment, ServiceSpec service, int index, string? dataDirectory, InstanceNetwork network) =>
        For(environment, service, index, dataDirectory, null, network);

    /// <summary>The environment variables an instance starts with.</summary>
    public static IReadOnlyDictionary<string, string> For(
        EnvironmentSpec environment, ServiceSpec service, int index, string? dataDirectory = null, string? sharedDirectory = null, InstanceNetwork network = InstanceNetwork.Loopback)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in service.Settings)
        {
            result[key] = Expand(value, environment, service, index, dataDirectory, sharedDirectory, network);
        }

        if (service.ChaosToken is { Length: > 0 } token)
        {
            result[ChaosTokenSetting] = token;
        }

        return result;
    }

    private static bool Uses(ServiceSpec service, string placeholder) =>
        service.Args.Concat(service.Settings.Values).Any(v => v.Contains(placeholder, StringComparison.Ordinal));
}
