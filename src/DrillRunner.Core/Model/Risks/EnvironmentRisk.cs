namespace DrillRunner.Model.Risks;

/// <summary>One reliability risk of a service, read from its environment file, and the shipped drill that rehearses it.</summary>
public sealed record EnvironmentRisk(string Service, string Kind, string Description, string Drill);
