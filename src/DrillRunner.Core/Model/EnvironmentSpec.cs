namespace DrillRunner.Model;

/// <summary>A named staging target, loaded from <c>drills/environments/*.yaml</c>.</summary>
public sealed class EnvironmentSpec
{
    public string Name { get; init; } = "";

    /// <summary><c>auto</c> (docker when an engine answers, else local), <c>local</c> or <c>docker</c>.</summary>
    public string Driver { get; init; } = "auto";

    /// <summary>A protected environment is never drilled.</summary>
    public bool Protected { get; init; }

    /// <summary>Hosts probes and traffic may target. Anything else is refused before the run starts.</summary>
    public IReadOnlyList<string> Allowlist { get; init; } = ["127.0.0.1", "localhost"];

    public DockerEndpointSpec Docker { get; init; } = new();

    public IReadOnlyDictionary<string, ServiceSpec> Services { get; init; } = new Dictionary<string, ServiceSpec>();

    /// <summary>Named URLs drills can refer to as <c>${endpoints.NAME}</c>.</summary>
    public IReadOnlyDictionary<string, string> Endpoints { get; init; } = new Dictionary<string, string>();

    /// <summary>The recovery objectives declared for this environment (<c>${objectives.rto}</c> in drills).</summary>
    public EnvironmentObjectives Objectives { get; init; } = new();

    /// <summary>Folder of the environment file; relative paths in the file resolve against it.</summary>
    public string BaseDirectory { get; init; } = ".";

    /// <summary>The file this environment came from, for messages.</summary>
    public string SourceFile { get; init; } = "";
}
