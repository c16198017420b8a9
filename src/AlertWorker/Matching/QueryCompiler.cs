namespace AlertWorker.Matching;

/// <summary>Turns a parsed query into its compiled form.</summary>
internal static class QueryCompiler
{
    public static CompiledNode Compile(QueryNode node, TermTable terms) => node switch
    {
        AndNode and => new CompiledAnd([.. and.Children.Select(c => Compile(c, terms))]),
        OrNode or => new CompiledOr([.. or.Children.Select(c => Compile(c, terms))]),
        NotNode not => new CompiledNot(Compile(not.Operand, terms)),
        _ => terms.Intern(node),
    };
}
