namespace AlertWorker.Matching;

/// <summary>An exclusion: the operand must not match.</summary>
internal sealed class CompiledNot(CompiledNode operand) : CompiledNode
{
    public override bool Evaluate(MatchDocument document, TermCache cache) => !operand.Evaluate(document, cache);

    public override void CollectPositiveTerms(List<CompiledTerm> terms)
    {
    }

    public override List<AnchorKey>? Anchors() => null;
}
