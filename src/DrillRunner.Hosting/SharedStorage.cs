using DrillRunner.Engine.Halt;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal;

namespace DrillRunner.Hosting;

/// <summary>
/// A journal and an environment lock several runners share (PostgreSQL). With it, a run left Running is recovered
/// only once its environment lock can be taken: a run whose runner is alive elsewhere still holds it. The halt switch
/// in it halts every runner.
/// </summary>
public sealed record SharedStorage(IJournalStore Journal, IEnvironmentLock Lock, IHaltSwitch? Halt = null);
