import statistics as st

scores = [72, 85, 91, 66, 85, 78, 94, 85, 70, 88, 61, 79]
heights = [1.62, 1.75, 1.80, 1.68, 1.71, 1.90, 1.55]
x = [1, 2, 3, 4, 5, 6, 7, 8]
y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1]

print("mean", st.mean(scores))
print("fmean", st.fmean(scores))
print("median", st.median(scores))
print("median_low", st.median_low(scores), "median_high", st.median_high(scores))
print("mode", st.mode(scores))
print("multimode", st.multimode([1, 1, 2, 2, 3]))
print("stdev", st.stdev(scores))
print("pstdev", st.pstdev(scores))
print("variance", st.variance(scores))
print("pvariance", st.pvariance(scores))
print("quantiles", st.quantiles(scores, n=4))
print("deciles", st.quantiles(scores, n=10, method="inclusive"))
print("heights mean", st.mean(heights), "stdev %.6f" % st.stdev(heights))
print("harmonic", st.harmonic_mean([40, 60]))
print("geometric", round(st.geometric_mean([1, 10, 100]), 10))
print("correlation", st.correlation(x, y))
slope, intercept = st.linear_regression(x, y)
print("regression", slope, intercept)
print(f"predict x=10: {slope * 10 + intercept:.3f}")
nd = st.NormalDist(mu=100, sigma=15)
print("cdf", round(nd.cdf(130), 12))
print("inv_cdf", nd.inv_cdf(0.975))
print("overlap", round(nd.overlap(st.NormalDist(110, 15)), 6))
print(st.NormalDist.from_samples(scores))
print("mean of fractions", st.mean([__import__("fractions").Fraction(1, 3), __import__("fractions").Fraction(1, 6)]))
from decimal import Decimal
print("mean of decimals", st.mean([Decimal("1.10"), Decimal("2.20"), Decimal("3.35")]))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
try:
    st.stdev([1])
except st.StatisticsError as e:
    print("StatisticsError:", e)
