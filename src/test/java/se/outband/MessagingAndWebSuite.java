package se.outband;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * One of the two halves of the tests that run side by side, a JVM each (pom.xml): messaging and the leaders' pages.
 * {@link OtherFeaturesSuite} takes every other package, so that no test is left out of both.
 */
@Suite
@SelectPackages({ "se.outband.messaging", "se.outband.web" })
@IncludeClassNamePatterns(".*Test")
public class MessagingAndWebSuite {
}
