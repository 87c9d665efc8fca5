namespace DrillRunner.Docker.Containers;

/// <summary>Labels on containers the driver creates; <c>down</c> removes exactly what carries the environment label.</summary>
internal static class DockerLabels
{
    public const string Environment = "com.drillrunner.env";
    public const string Service = "com.drillrunner.service";
    public const string Instance = "com.drillrunner.instance";
    public const string Port = "com.drillrunner.port";

    /// <summary>Suffix of a container set aside during a recreate; it is never listed as an instance.</summary>
    public const string SetAsideSuffix = "-drillrunner-old";
}
