package org.huizong.catalog;

/** What a column of a statistics table holds, known from its header name. */
public enum HeaderRole {

	SEQ, CAMPAIGN, METRIC, ITEM, SOURCE, VALUE, MEASURE, NOTE;

}
