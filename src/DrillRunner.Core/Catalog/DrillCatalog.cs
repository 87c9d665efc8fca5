using DrillRunner.Aborts;
using DrillRunner.Drivers;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Probes;
using DrillRunner.Scoring;
using DrillRunner.Steps;

namespace DrillRunner.Catalog;

/// <summary>
/// Maps each YAML <c>kind</c> to its options type and factory. Adding a fault, probe, objective or abort
/// condition is one registration line; the loader, engine and CLI never switch on kinds.
/// </summary>
public sealed class DrillCatalog : IKindResolver
{
    private readonly Dictionary<Type, Dictionary<string, Entry>> _entries = new()
    {
        [typeof(StepOptions)] = new(StringComparer.Ordinal),
        [typeof(ProbeOptions)] = new(StringComparer.Ordinal),
        [typeof(ObjectiveOptions)] = new(StringComparer.Ordinal),
        [typeof(AbortOptions)] = new(StringComparer.Ordinal),
    };

    private readonly Dictionary<string, IUndoHandler> _undo = new(StringComparer.Ordinal);
    private readonly List<IDriverFactory> _drivers = [];

    public DrillCatalog AddStep<TOptions>(string kind, Func<TOptions, IStep> factory, IUndoHandler? undo = null)
        where TOptions : StepOptions, new()
    {
        Add<StepOptions, TOptions>(kind, o => factory(o));
        if (undo is not null)
        {
            _undo[kind] = undo;
        }

        return this;
    }

    /// <summary>Registers a driver; environment files may name it in <c>driver:</c>.</summary>
    public DrillCatalog AddDriver(IDriverFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _drivers.RemoveAll(f => f.Name == factory.Name);
        _drivers.Add(factory);
        return this;
    }

    /// <summary>The registered drivers, in registration order.</summary>
    public IReadOnlyList<IDriverFactory> Drivers => _drivers;

    /// <summary>The registered driver of that name, or null.</summary>
    public IDriverFactory? FindDriver(string name) => _drivers.FirstOrDefault(f => f.Name == name);

    /// <summary>An undo handler for records a step writes under a kind of its own (e.g. live settings).</summary>
    public DrillCatalog AddUndo(string kind, IUndoHandler undo)
    {
        _undo[kind] = undo;
        return this;
    }

    public DrillCatalog AddProbe<TOptions>(string kind, Func<TOptions, IProbe> factory)
        where TOptions : ProbeOptions, new() => Add<ProbeOptions, TOptions>(kind, o => factory(o));

    public DrillCatalog AddObjective<TOptions>(string kind, Func<TOptions, IObjective> factory)
        where TOptions : ObjectiveOptions, new() => Add<ObjectiveOptions, TOptions>(kind, o => factory(o));

    public DrillCatalog AddAbort<TOptions>(string kind, Func<TOptions, IAbortCondition> factory)
        where TOptions : AbortOptions, new() => Add<AbortOptions, TOptions>(kind, o => factory(o));

    public IStep CreateStep(StepOptions options) => Create<IStep>(typeof(StepOptions), options);

    public IProbe CreateProbe(ProbeOptions options) => Create<IProbe>(typeof(ProbeOptions), options);

    public IObjective CreateObjective(ObjectiveOptions options) => Create<IObjective>(typeof(ObjectiveOptions), options);

    public IAbortCondition CreateAbort(AbortOptions options) => Create<IAbortCondition>(typeof(AbortOptions), options);

    /// <summary>The undo handler of a step kind; null for kinds that never leave anything changed.</summary>
    public IUndoHandler? FindUndo(string kind) => _undo.GetValueOrDefault(kind);

    public bool IsPolymorphic(Type baseType) => _entries.ContainsKey(baseType);

    public Type? Resolve(Type baseType, string kind) =>
        _entries.TryGetValue(baseType, out var kinds) && kinds.TryGetValue(kind, out var entry) ? entry.OptionsType : null;

    public IReadOnlyCollection<string> KnownKinds(Type baseType) =>
        _entries.TryGetValue(baseType, out var kinds) ? kinds.Keys.Order(StringComparer.Ordinal).ToList() : [];

    private DrillCatalog Add<TBase, TOptions>(string kind, Func<TOptions, object> factory)
        where TOptions : TBase
    {
        _entries[typeof(TBase)][kind] = new Entry(typeof(TOptions), o => factory((TOptions)o));
        return this;
    }

    private T Create<T>(Type baseType, ComponentOptions options)
    {
        if (!_entries[baseType].TryGetValue(options.Kind, out var entry))
        {
            throw new DrillInputException(new FileProblem(options.Location, "kind", $"unknown kind '{options.Kind}'"));
        }

        return (T)entry.Factory(options);
    }

    private sealed record Entry(Type OptionsType, Func<object, object> Factory);
}
