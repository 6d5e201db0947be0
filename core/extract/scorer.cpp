#include "scorer.h"

#include <algorithm>
#include <cmath>

namespace carto::extract {

namespace {

double damping(double mentions, const SalienceFeatures &f)
{
    return mentions < 1.5 && !f.linked && !f.quoted ? 0.5 : 1.0;
}

double modifiers(const SalienceFeatures &f)
{
    const double name = f.named ? kNameBoost * (f.commonWordName ? 0.5 : 1.0) : 0.0;
    const double boost = 1.0 + name + 1.0 * f.linked + 1.0 * f.quoted + 0.3 * f.acronymPair + 0.1 * f.heading;
    const double description = f.evaluative && !f.named && !f.linked && !f.quoted ? 0.5 : 1.0;
    return boost * description;
}

double keyness(double count, double tokens, double reference, double referenceTokens)
{
    const double k = kSmoothing;
    const double text = 1e6 * count / std::max(1.0, tokens);
    const double background = 1e6 * reference / std::max(1.0, referenceTokens);
    return std::max(0.0, std::log2((text + k) / (background + k)));
}

} // namespace

double phraseBackgroundRate(const std::vector<double> &rates)
{
    if (rates.empty())
        return 0.0;
    if (rates.size() == 1)
        return rates.front();
    double rarest = rates.front();
    double product = 1.0;
    for (double r : rates) {
        rarest = std::min(rarest, r);
        product *= r;
    }
    return std::min(rarest, std::max(kPhraseShare * rarest, kCollocationLift * product));
}

double conceptScore(const SalienceFeatures &f)
{
    const double mentions = std::max(1.0, f.mentions);
    return keyness(mentions, f.corpusTokens, f.backgroundCount + kBackgroundFloor, f.backgroundTokens)
        * damping(mentions, f) * modifiers(f);
}

double documentScore(const SalienceFeatures &f, double documentMentions, double documentTokens)
{
    if (documentMentions <= 0)
        return 0.0;
    const double rest = std::max(0.0, f.mentions - documentMentions) + f.backgroundCount + kBackgroundFloor;
    const double restTokens = std::max(0.0, f.corpusTokens - documentTokens) + f.backgroundTokens;
    return keyness(documentMentions, documentTokens, rest, restTokens) * damping(documentMentions, f) * modifiers(f);
}

} // namespace carto::extract
