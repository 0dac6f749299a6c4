package org.huizong;

import org.huizong.cli.Cli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** huizong: consolidates the statistics of special-rectification campaigns. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HuizongApplication {

	public static void main(String[] args) {
		Cli.exit(new Cli(System.out, System.err).execute(args));
	}

}
