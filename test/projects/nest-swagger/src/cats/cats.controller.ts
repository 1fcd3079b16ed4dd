import { Body, ConflictException, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiException } from '@nanogiants/nestjs-swagger-api-exception-decorator';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CatsService } from './cats.service';
import { CreateCatDto } from './dto';

@ApiTags('cats')
@ApiUnauthorizedResponse({ description: 'Missing or invalid API key' })
@Controller('cats')
@UseGuards(ApiKeyGuard)
export class CatsController {
  constructor(private readonly cats: CatsService) {}

  @Get()
  @ApiOkResponse({ description: 'All cats' })
  findAll() {
    return this.cats.findAll();
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The cat' })
  @ApiNotFoundResponse({ description: 'No cat has this id' })
  @ApiDefaultResponse({ description: 'Any other error' })
  // Look-alike [undocumented-status]: ParseIntPipe's 400 is covered by @ApiDefaultResponse.
  findOne(@Param('id', ParseIntPipe) id: number) {
    const cat = this.cats.findOne(id);
    if (!cat) throw new NotFoundException('No cat has this id');
    return cat;
  }

  @Post()
  @ApiCreatedResponse({ description: 'The new cat' })
  @ApiBadRequestResponse({ description: 'The body failed validation' })
  create(@Body() dto: CreateCatDto) {
    // Problem [undocumented-status]: create() documents no 409.
    if (this.cats.findByName(dto.name)) throw new ConflictException('A cat with this name exists');
    return this.cats.create(dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiBadRequestResponse({ description: 'The id is not an integer' })
  @ApiException(() => NotFoundException)
  // Problem [documented-status-never-returned]: remove() never answers 403.
  @ApiForbiddenResponse({ description: 'Only the owner may delete a cat' })
  remove(@Param('id', ParseIntPipe) id: number) {
    if (!this.cats.remove(id)) throw new NotFoundException('No cat has this id');
  }
}
