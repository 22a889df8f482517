package io.carehub.upload;

import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.routing.AgentPools;
import io.carehub.routing.Customers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The beans the upload tests share: customers and agents to drive a conversation, and the database to check it. */
abstract class UploadTestBase {

    @Autowired
    Customers customers;

    @Autowired
    Db db;

    @Autowired
    HubApi hub;

    @Autowired
    AgentPools pools;

    @Autowired
    JdbcTemplate jdbc;
}
