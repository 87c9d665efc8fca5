namespace DrillRunner.Loading;

/// <summary>Maps a YAML <c>kind</c> to the options type registered for it under a base type.</summary>
public interface IKindResolver
{
    /// <summary>True when <paramref name="baseType"/> is resolved by kind (steps, probes, objectives, aborts).</summary>
    bool IsPolymorphic(Type baseType);

    Type? Resolve(Type baseType, string kind);

    IReadOnlyCollection<string> KnownKinds(Type baseType);
}
