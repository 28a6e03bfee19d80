package se.outband;

import org.junit.platform.suite.api.ExcludePackages;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** The other half of the tests that run side by side (pom.xml): every test outside {@link MessagingAndWebSuite}'s packages. */
@Suite
@SelectPackages("se.outband")
@ExcludePackages({ "se.outband.messaging", "se.outband.web" })
@IncludeClassNamePatterns(".*Test")
public class OtherFeaturesSuite {
}
