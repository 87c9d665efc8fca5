namespace DrillRunner.Docker;

internal static class DockerDriverConstants
{
    public const string Name = "docker";

    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    public const int MaxRetries = 3;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public const int StopGraceSeconds = 5;

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static readonly TimeSpan ImageImportTimeout = TimeSpan.FromMinutes(10);

    public const string RuntimeIdentifier = "linux-x64";
}
