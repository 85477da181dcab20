using CsCheck;
using Serverless.Connect.Configuration;
using Serverless.Connect.Configuration.Plugins;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Chain;

namespace Serverless.Connect.Transforms.Tests.Chain.NoMutation;

/// <summary>
/// Property: no registered transformation or predicate changes anything reachable from its input record, whatever the
/// record (schemaless or not, nested, nulls, headers, change events) and settings, and whether it succeeds or throws.
/// </summary>
/// <remarks>CsCheck drives the seeds; the records are built by <see cref="RandomRecords"/> so failures print the record.</remarks>
public sealed class NoMutationPropertyTests
{
    private const int Iterations = 300;

    public static TheoryData<string> TransformationClasses() =>
        [.. BuiltInTransforms.All.Where(p => p.Kind == PluginKind.Transformation).Select(p => p.ClassName)];

    public static TheoryData<string> PredicateClasses() =>
        [.. BuiltInTransforms.All.Where(p => p.Kind == PluginKind.Predicate).Select(p => p.ClassName)];

    [Fact]
    public void EveryBuiltIn_HasARandomConfigGenerator()
    {
        foreach (var plugin in BuiltInTransforms.All)
        {
            var generators = plugin.Kind == PluginKind.Transformation ? RandomConfigs.Transformations : RandomConfigs.Predicates;
            Assert.True(generators.ContainsKey(plugin.ClassName), $"No random config for {plugin.ClassName}");
        }
    }

    [Theory]
    [MemberData(nameof(TransformationClasses))]
    public void Transformation_NeverMutatesItsInput(string className)
    {
        var plugin = TransformRegistry.Default.Find(className, PluginKind.Transformation)!;
        var stats = new Stats();
        Gen.Int.Sample(
            seed =>
            {
                var random = new RandomRecords(new Random(seed));
                var config = RandomConfigs.Transformations[className](random);
                using var transformation = plugin.CreateTransformation();
                if (!TryConfigure(() => transformation.Configure(config), stats))
                {
                    return;
                }

                var record = random.Next();
                var before = DeepSnapshot.Of(record);
                var first = TryApply(() => transformation.Apply(record), stats);
                Assert.Equal(before, DeepSnapshot.Of(record));
                if (first.Succeeded)
                {
                    // Same input, same output: nothing was cached from, or written into, the first call's input.
                    var second = transformation.Apply(record);
                    Assert.Equal(Snapshot(first.Result), Snapshot(second));
                    Assert.Equal(before, DeepSnapshot.Of(record));
                }
            },
            iter: Iterations,
            threads: 1,
            print: seed => $"seed {seed}: " + DeepSnapshot.Of(new RandomRecords(new Random(seed)).Next()));
        stats.AssertExercised(className);
    }

    [Theory]
    [MemberData(nameof(PredicateClasses))]
    public void Predicate_NeverMutatesItsInput(string className)
    {
        var plugin = TransformRegistry.Default.Find(className, PluginKind.Predicate)!;
        var outcomes = new HashSet<bool>();
        Gen.Int.Sample(
            seed =>
            {
                var random = new RandomRecords(new Random(seed));
                using var predicate = plugin.CreatePredicate();
                predicate.Configure(RandomConfigs.Predicates[className](random));
                var record = random.Next();
                var before = DeepSnapshot.Of(record);
                outcomes.Add(predicate.Test(record));
                Assert.Equal(before, DeepSnapshot.Of(record));
            },
            iter: Iterations,
            threads: 1);
        Assert.Equal(2, outcomes.Count);
    }

    [Fact]
    public void RandomChains_NeverMutateTheirInput()
    {
        var transformations = RandomConfigs.Transformations.Keys.Where(k => TransformRegistry.Default.Find(k, PluginKind.Transformation) is not null).ToList();
        var predicates = RandomConfigs.Predicates.Keys.ToList();
        var stats = new Stats();
        Gen.Int.Sample(
            seed =>
            {
                var random = new RandomRecords(new Random(seed));
                var config = RandomChainConfig(random, transformations, predicates);
                TransformationChain chain;
                try
                {
                    chain = TransformationChain.Create(config);
                    stats.Configured++;
                }
                catch (ConfigException)
                {
                    return;
                }

                using (chain)
                {
                    var record = random.Next();
                    var before = DeepSnapshot.Of(record);
                    TryApply(() => chain.Apply(record), stats);
                    Assert.Equal(before, DeepSnapshot.Of(record));
                }
            },
            iter: Iterations * 2,
            threads: 1);
        stats.AssertExercised("random chains");
    }

    private static Dictionary<string, string> RandomChainConfig(RandomRecords random, List<string> transformations, List<string> predicates)
    {
        var config = new Dictionary<string, string>();
        var aliases = Enumerable.Range(0, 1 + random.Pick([0, 1, 2, 3])).Select(i => "t" + i).ToList();
        config["transforms"] = string.Join(",", aliases);
        config["predicates"] = "p";
        var predicate = random.Pick(predicates);
        config["predicates.p.type"] = predicate;
        foreach (var (key, value) in RandomConfigs.Predicates[predicate](random))
        {
            config["predicates.p." + key] = value;
        }

        foreach (var alias in aliases)
        {
            var type = random.Pick(transformations);
            config[$"transforms.{alias}.type"] = type;
            foreach (var (key, value) in RandomConfigs.Transformations[type](random))
            {
                config[$"transforms.{alias}.{key}"] = value;
            }

            if (random.Chance(40))
            {
                config[$"transforms.{alias}.predicate"] = "p";
                config[$"transforms.{alias}.negate"] = random.Chance(50) ? "true" : "false";
            }
        }

        return config;
    }

    private static string Snapshot(ConnectRecord? record) => record is null ? "dropped" : DeepSnapshot.Of(record);

    private static bool TryConfigure(Action configure, Stats stats)
    {
        try
        {
            configure();
            stats.Configured++;
            return true;
        }
        catch (ConfigException)
        {
            return false;
        }
    }

    private static (bool Succeeded, ConnectRecord? Result) TryApply(Func<ConnectRecord?> apply, Stats stats)
    {
        try
        {
            var result = apply();
            stats.Applied++;
            return (true, result);
        }
#pragma warning disable CA1031 // Failing on a record is allowed; only mutation is not.
        catch (Exception)
#pragma warning restore CA1031
        {
            stats.Failed++;
            return (false, null);
        }
    }

    private sealed class Stats
    {
        public int Configured { get; set; }

        public int Applied { get; set; }

        public int Failed { get; set; }

        public void AssertExercised(string what)
        {
            Assert.True(Configured >= Iterations / 2, $"{what}: only {Configured} random configs were accepted");
            Assert.True(Applied > 0, $"{what}: no record was transformed successfully ({Failed} failed)");
        }
    }
}
