using System.Globalization;

namespace DrillRunner.Model;

/// <summary>
/// Resolves a service's settings for one instance, so every driver names and configures instances alike.
/// Placeholders: <c>{port}</c>, <c>{instance}</c> (1-based), <c>{service}</c>, <c>{environment}</c>, and
/// <c>{environmentFile}</c> (the environment file's absolute path, for programs of the environment that read it).
/// </summary>
public static class InstanceSettings
{
    /// <summary>The environment variable carrying the chaos control token into an instance.</summary>
    public const string ChaosTokenSetting = "Chaos__Token";

    /// <summary>Stable instance id: <c>{environment}-{service}-{index}</c>.</summary>
    public static string InstanceId(EnvironmentSpec environment, ServiceSpec service, int index) =>
        $"{environment.Name}-{service.Name}-{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Port of the 1-based instance <paramref name="index"/>, or 0 when the service has none.</summary>
    public static int PortOf(ServiceSpec service, int index) => service.Port == 0 ? 0 : service.Port + index - 1;

    public static string Expand(string template, EnvironmentSpec environment, ServiceSpec service, int index) =>
        template
            .Replace("{port}", PortOf(service, index).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{instance}", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{service}", service.Name, StringComparison.Ordinal)
            .Replace("{environmentFile}", environment.SourceFile, StringComparison.Ordinal)
            .Replace("{environment}", environment.Name, StringComparison.Ordinal);

    /// <summary>The environment variables an instance starts with.</summary>
    public static IReadOnlyDictionary<string, string> For(EnvironmentSpec environment, ServiceSpec service, int index)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in service.Settings)
        {
            result[key] = Expand(value, environment, service, index);
        }

        if (service.ChaosToken is { Length: > 0 } token)
        {
            result[ChaosTokenSetting] = token;
        }

        return result;
    }
}
