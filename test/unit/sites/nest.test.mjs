// NestJS status sites: @HttpCode, @Redirect, exceptions (numbered and named), the default 201 of @Post().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyProps, headerNames, lineAt, none, one, sitesOf, slotsOf, withCode } from '../../helpers/sites.mjs';

const controller = `import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpException,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Redirect,
} from '@nestjs/common';
import { OrdersService } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  async findOne(@Param('id') id: string) {
    const order = await this.orders.findById(id);
    if (!order) {
      throw new NotFoundException('Order not found');
    }
    return order;
  }

  @Post()
  async create(@Body() dto: CreateOrderDto) {
    if (!dto.items?.length) {
      throw new HttpException('Order must contain at least one item', HttpStatus.BAD_REQUEST);
    }
    return this.orders.create(dto);
  }

  @Post(':id/confirm')
  async confirm(@Param('id') id: string) {
    const result = await this.orders.confirm(id);
    if (!result.confirmed) {
      return { success: false, error: result.reason };
    }
    return { success: true };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@Param('id') id: string) {
    await this.orders.remove(id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async archive(@Param('id') id: string) {
    await this.orders.archive(id);
    return { archived: true };
  }

  @Get('docs')
  @Redirect('https://docs.example.com/orders')
  docs() {}
}
`;
const file = 'src/orders/orders.controller.ts';

test('nest: a named exception: the code is in the class name, the fix renames the class', () => {
  const list = sitesOf(controller, file);
  const s = one(list, { code: 404 });
  assert.equal(s.framework, 'nest');
  assert.equal(s.kind, 'exception');
  assert.equal(s.form, 'named');
  assert.equal(s.text, 'NotFoundException');
  assert.equal(s.line, lineAt(controller, 'new NotFoundException'));
  assert.equal(s.send.how, 'thrown');
  assert.equal(s.message, 'Order not found');
  assert.equal(s.guard.kind, 'lookup-miss');
  assert.deepEqual({ method: s.route.method, path: s.route.path }, { method: 'GET', path: '/orders/:id' });
  // A class the file does not import would leave an undefined name: no rename is offered then.
  assert.equal(withCode(controller, s, 410), undefined);
  const importsGone = controller.replace('  Get,\n', '  Get,\n  GoneException,\n');
  assert.ok(withCode(importsGone, one(sitesOf(importsGone, file), { code: 404 }), 410).includes("throw new GoneException('Order not found')"));
  assert.equal(withCode(controller, s, 429), undefined, 'Nest has no built-in exception for 429');
});

test('nest: new HttpException(msg, HttpStatus.X) is a constant site; the fix keeps the constant style', () => {
  const s = one(sitesOf(controller, file), { code: 400 });
  assert.equal(s.form, 'constant');
  assert.equal(s.constantName, 'HttpStatus.BAD_REQUEST');
  assert.equal(s.message, 'Order must contain at least one item');
  assert.equal(s.guard.kind, 'missing-field');
  assert.ok(withCode(controller, s, 422).includes('HttpStatus.UNPROCESSABLE_ENTITY'));
});

test('nest: @Post() without @HttpCode is the framework default 201, reported on the decorator', () => {
  const list = sitesOf(controller, file);
  const s = one(list, { kind: 'framework-default', line: lineAt(controller, '@Post()') });
  assert.equal(s.code, 201);
  assert.equal(s.form, 'implicit');
  assert.equal(s.framework, 'nest');
  assert.equal(s.text, 'Post()');
  assert.equal(s.send.how, 'framework');
  assert.ok(withCode(controller, s, 200).includes('  @HttpCode(200)\n  @Post()\n  async create'));
  // decorated with @HttpCode: no default
  none(list, { kind: 'framework-default', line: lineAt(controller, "@Post(':id/archive')") });
});

test('nest: returned object literals of a method without @HttpCode are implicit sites with the default code', () => {
  const list = sitesOf(controller, file);
  const failed = one(list, { kind: 'implicit-send', line: lineAt(controller, 'return { success: false') });
  assert.equal(failed.code, 201);
  assert.equal(failed.send.how, 'returned');
  assert.deepEqual(bodyProps(failed), ['success', 'error']);
  assert.equal(failed.guard.negated, false);
  assert.equal(failed.route.path, '/orders/:id/confirm');
  // `return order` (not an object literal) gets no site of its own
  none(list, { kind: 'implicit-send', line: lineAt(controller, 'return order;') });
});

test('nest: @HttpCode(n) is the site; its body is what the method returns; @Header adds headers', () => {
  const list = sitesOf(controller, file);
  const noContent = one(list, { code: 204 });
  assert.equal(noContent.kind, 'decorator');
  assert.equal(noContent.constantName, 'HttpStatus.NO_CONTENT');
  assert.equal(noContent.body, undefined);
  const ok = one(list, { kind: 'decorator', code: 200 });
  assert.equal(ok.text, '200');
  assert.equal(ok.send.how, 'framework');
  assert.deepEqual(bodyProps(ok), ['archived']);
  assert.deepEqual(headerNames(ok), ['cache-control']);
  none(list, { kind: 'implicit-send', line: lineAt(controller, 'return { archived') });
});

test('nest: @Redirect(url) is 302; the fix adds the code argument', () => {
  const list = sitesOf(controller, file);
  const s = one(list, { kind: 'redirect' });
  assert.equal(s.code, 302);
  assert.equal(s.form, 'implicit');
  assert.deepEqual(headerNames(s), ['location']);
  assert.ok(withCode(controller, s, 301).includes("@Redirect('https://docs.example.com/orders', 301)"));
});

test('nest: @Res() res is used Express-style; no framework default then', () => {
  const code = `import { Controller, Post, Res, Body, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
@Controller('legacy')
export class LegacyController {
  @Post('customers')
  async createCustomer(@Body() body: CreateCustomerDto, @Res() res: Response) {
    const customer = await this.legacy.createCustomer(body);
    res.status(HttpStatus.CREATED).json(customer);
  }
}`;
  const list = sitesOf(code, 'legacy.controller.ts');
  const s = one(list, { code: 201 });
  assert.equal(s.kind, 'status-call');
  assert.equal(s.receiver, 'res');
  assert.deepEqual({ method: s.route.method, path: s.route.path }, { method: 'POST', path: '/legacy/customers' });
  none(list, { kind: 'framework-default' });
});

test('nest: exceptions in services are sites; a class of the same name from elsewhere is not', () => {
  const service = `import { Injectable, ConflictException, InternalServerErrorException } from '@nestjs/common';
@Injectable()
export class UsersService {
  async create(dto) {
    if (await this.users.exists(dto.email)) throw new ConflictException('Email already registered');
    try {
      return await this.users.save(dto);
    } catch (e) {
      throw new InternalServerErrorException();
    }
  }
}`;
  const list = sitesOf(service, 'users.service.ts');
  assert.equal(one(list, { code: 409 }).route, undefined);
  assert.equal(one(list, { code: 500 }).catchClause.param, 'e');
  const other = `import { NotFoundException } from './errors';
export function load(id) { throw new NotFoundException(id); }`;
  none(sitesOf(other, 'load.ts'), {}, "a local NotFoundException is not Nest's");
});

test('nest: a pasted controller without imports is still Nest; a bare class of the same name outside one is not', () => {
  const snippet = `@Controller('orders')
export class OrdersController {
  @Get(':id/poll')
  async poll(@Param('id') id: string) {
    if (await this.orders.aborted(id)) throw new HttpException('Client Closed Request', 499);
    return this.orders.wait(id);
  }
}`;
  const s = one(sitesOf(snippet, 'orders.controller.ts'), { code: 499 });
  assert.equal(s.route.path, '/orders/:id/poll');
  const slot = slotsOf(snippet, 'orders.controller.ts').find((x) => snippet.slice(x.start, x.end) === '499');
  assert.equal(slot.hint, 'error');
  none(sitesOf(`class NotFoundException extends Error {}\nexport function load(id) { throw new NotFoundException(id); }`, 'plain.js'), {});
});

test("nest: a project's own exception class given an HttpStatus constant is a thrown Nest site", () => {
  const code = `import { HttpStatus, Injectable } from '@nestjs/common';
import { CustomHttpException } from '../helpers/custom-http-filter';
@Injectable()
export class BlogsService {
  async findOne(id: string) {
    const blog = await this.blogs.findOneBy({ id });
    if (!blog) throw new CustomHttpException('Blog post not found.', HttpStatus.INTERNAL_SERVER_ERROR);
    return blog;
  }
}`;
  const s = one(sitesOf(code, 'blogs.service.ts'), { code: 500 });
  assert.equal(s.framework, 'nest');
  assert.equal(s.kind, 'exception');
  assert.equal(s.message, 'Blog post not found.');
  assert.equal(s.guard.kind, 'lookup-miss');
  assert.ok(withCode(code, s, 404).includes("new CustomHttpException('Blog post not found.', HttpStatus.NOT_FOUND)"));
  // A class that is not an error says nothing about HTTP.
  none(sitesOf(`import { HttpStatus } from '@nestjs/common';\nconst r = new ApiResponse(HttpStatus.NOT_FOUND, null);`, 'a.ts'), { code: 404 });
});
