/**
 * The {@code compare} command of the examples jar: runs the same pipelines on every runner on the
 * classpath, at a few settings each, every run in a child JVM ({@code ChildRun}); checks that all
 * answers equal the plain loop's; and writes a self-contained HTML report with XChart charts.
 */
package dev.weir.examples.compare;
